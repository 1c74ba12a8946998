package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Amounts the database cannot hold (NUMERIC(19,4)), NaN, infinity and negative order
 * values are bad input on every HTTP path: 400 naming the field, nothing stored, the
 * profile as it was.
 */
class EventAmountsApiTest extends EncoreIntegrationTest {

	private static final String TOO_LARGE = "must be less than 1000000000000000 in magnitude";

	@Autowired
	EventHistory events;

	private String customer;

	@BeforeEach
	void customerWithOneOrder() throws Exception {
		this.customer = newCustomerId();
		send(TestEvents.orderCompleted(this.customer).with("total", 49.0)).andExpect(status().isAccepted());
	}

	@Test
	void overflowingNonFiniteAndNegativeAmountsAreRefusedNamingTheFieldAndLeaveTheProfileAsItWas() throws Exception {
		Map<TestEvents, String> refused = Map.of(order().with("total", 1e16), "properties.total " + TOO_LARGE,
				order().with("total", new BigDecimal("1e400")), "properties.total ", order().with("total", "1e400"),
				"properties.total " + TOO_LARGE, order().with("total", "NaN"),
				"properties.total must be a finite number", order().with("revenue", "Infinity"),
				"properties.revenue must be a finite number", order().with("total", -10),
				"properties.total must not be negative", order().without("total").withProduct("Linen shirt", 1, -49.0),
				"properties.products[0].price must not be negative",
				TestEvents.track("Order Refunded", this.customer).with("order_id", "o-1").with("amount", 1e17),
				"properties.amount " + TOO_LARGE);
		for (Map.Entry<TestEvents, String> bad : refused.entrySet()) {
			String field = bad.getValue().substring(0, bad.getValue().indexOf(' '));
			send(bad.getKey()).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(field))
				.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains(bad.getValue()));
		}
		assertThat(this.events.forCustomer(this.customer)).filteredOn((event) -> "http".equals(event.source()))
			.hasSize(1);
		assertProfileHoldsTheFirstOrderOnly();
	}

	@Test
	void batchRejectsTheItemWithTheFieldAndAppliesTheOthers() throws Exception {
		TestEvents overflow = order().with("total", 1e16);
		TestEvents fine = order().with("total", 20.0);
		this.mvc
			.perform(post("/api/v1/events/batch").contentType(MediaType.APPLICATION_JSON)
				.content("{\"batch\":[" + overflow.json() + "," + fine.json() + "]}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[0].status").value("rejected"))
			.andExpect(jsonPath("$.results[0].reason").value("properties.total " + TOO_LARGE))
			.andExpect(jsonPath("$.results[1].status").value("accepted"));
		this.mvc.perform(get("/api/v1/customers/{id}", this.customer))
			.andExpect(jsonPath("$.orders.orderCount").value(2))
			.andExpect(jsonPath("$.orders.netRevenue").value(69));
	}

	@Test
	void segmentCallsAreRefusedTheSameWay() throws Exception {
		this.mvc
			.perform(post("/v1/track").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
				.content(order().with("total", "NaN").json()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("properties.total"));
		this.mvc
			.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
				.content("{\"batch\":[" + order().withProduct("Linen shirt", 1, 2e15).json() + "]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("rejected"))
			.andExpect(jsonPath("$.results[0].reason").value("properties.products[0].price " + TOO_LARGE));
		assertProfileHoldsTheFirstOrderOnly();
	}

	private TestEvents order() {
		TestEvents order = TestEvents.orderCompleted(this.customer);
		order.with("products", new java.util.ArrayList<>(List.of()));
		return order;
	}

	private void assertProfileHoldsTheFirstOrderOnly() throws Exception {
		ResultActions profile = this.mvc.perform(get("/api/v1/customers/{id}", this.customer));
		profile.andExpect(status().isOk())
			.andExpect(jsonPath("$.orders.orderCount").value(1))
			.andExpect(jsonPath("$.orders.netRevenue").value(49))
			.andExpect(jsonPath("$.lifecycleStage").value("first-time"));
	}

}
