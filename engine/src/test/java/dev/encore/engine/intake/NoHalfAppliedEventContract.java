package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

		refusingTheStageChangeOf(second, () -> {
			send(second);
			return null;
		});

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

		refusingTheStageChangeOf(first, () -> {
			send(first);
			return null;
		});

		assertThat(profiles().find(customer)).isEmpty();
		send(first).andExpect(status().isAccepted());
		assertOrders(customer, 1, 49, "first-time");
	}

	/**
	 * Runs the request while a check constraint refuses the stage change it implies; the
	 * request must fail on that constraint.
	 */
	private void refusingTheStageChangeOf(TestEvents event, java.util.concurrent.Callable<Void> request) {
		String constraint = "ck_refuse_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String stageChange = "lifecycle-" + UUID.nameUUIDFromBytes(event.messageId().getBytes(StandardCharsets.UTF_8));
		jdbc().execute("ALTER TABLE encore_event ADD CONSTRAINT " + constraint + " CHECK (message_id <> '" + stageChange
				+ "')");
		try {
			assertThatThrownBy(request::call).satisfies(
					(failure) -> assertThat(rootMessage(failure)).as("fails on the constraint").contains(constraint));
		}
		finally {
			jdbc().execute("ALTER TABLE encore_event DROP CONSTRAINT " + constraint);
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT);
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
