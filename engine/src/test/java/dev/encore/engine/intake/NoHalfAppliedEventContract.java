package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event that fails after its profile change (here: the database refuses the
 * {@code Lifecycle Stage Changed} row the order implies, after the order has started its
 * journeys) leaves the profile as it was, and applies whole when sent again. Run on each
 * profile store.
 */
interface NoHalfAppliedEventContract {

	MockMvc mvc();

	JdbcTemplate jdbc();

	ProfileStore profiles();

	RuntimeService runtime();

	@Test
	default void orderFailingAfterItsProfileChangeLeavesTheProfileAsItWasAndAppliesWholeWhenSentAgain()
			throws Exception {
		String customer = Holdouts.outsideAll("half-");
		send(TestEvents.orderCompleted(customer).with("total", 49.0)).andExpect(status().isAccepted());
		long journeys = journeysOf(customer);
		TestEvents second = TestEvents.orderCompleted(customer).with("total", 30.0);

		refusingTheStageChangeOf(second);

		assertOrders(customer, 1, 49, "first-time");
		assertThat(journeysOf(customer)).as("journeys started by the failed order").isEqualTo(journeys);
		assertThat(storedEvents(second.messageId())).isZero();

		send(second).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("accepted"));
		assertOrders(customer, 2, 79, "repeat");
	}

	@Test
	default void firstOrderFailingLeavesNoProfileBehind() throws Exception {
		String customer = Holdouts.outsideAll("half-");
		TestEvents first = TestEvents.orderCompleted(customer).with("total", 49.0);

		refusingTheStageChangeOf(first);

		assertThat(profiles().find(customer)).isEmpty();
		send(first).andExpect(status().isAccepted());
		assertOrders(customer, 1, 49, "first-time");
	}

	/**
	 * Sends the event while a check constraint refuses the stage change it implies: a
	 * fault, not an outage, so a 500 (the same event applies once the constraint is
	 * gone).
	 */
	private void refusingTheStageChangeOf(TestEvents event) throws Exception {
		String constraint = "ck_refuse_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String stageChange = "lifecycle-" + UUID.nameUUIDFromBytes(event.messageId().getBytes(StandardCharsets.UTF_8));
		jdbc().execute("ALTER TABLE encore_event ADD CONSTRAINT " + constraint + " CHECK (message_id <> '" + stageChange
				+ "')");
		try {
			send(event).andExpect(status().isInternalServerError());
		}
		finally {
			jdbc().execute("ALTER TABLE encore_event DROP CONSTRAINT " + constraint);
		}
	}

	private ResultActions send(TestEvents event) throws Exception {
		return mvc().perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(event.json()));
	}

	private void assertOrders(String customer, int count, int revenue, String stage) throws Exception {
		mvc().perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.orders.orderCount").value(count))
			.andExpect(jsonPath("$.orders.netRevenue").value(revenue))
			.andExpect(jsonPath("$.lifecycleStage").value(stage));
	}

	private long journeysOf(String customer) {
		return runtime().createProcessInstanceQuery().processInstanceBusinessKey(customer).count();
	}

	private long storedEvents(String messageId) {
		return jdbc().queryForObject("SELECT COUNT(*) FROM encore_event WHERE message_id = ?", Long.class, messageId);
	}

}
