package dev.encore.engine.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers move between tiers as they visit and buy, and fall back as days since their
 * last visit grow (the daily scan): every move is a row of the tier movement report and a
 * {@code Tier Changed} event, by the shipped table (docs/loyalty.md).
 */
class TierMovementsTest extends EncoreIntegrationTest {

	@Autowired
	private TierChanges changes;

	@Autowired
	private EventHistory events;

	@Autowired
	private LoyaltyScan scan;

	@Test
	void aCustomerClimbsByBuyingAndFallsBackWithoutVisits() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Site Visited", customer)).andExpect(status().isAccepted());
		order(customer, "o-1", 120);
		this.clock.setTo(START.plus(Duration.ofDays(1)));
		order(customer, "o-2", 150);
		this.clock.setTo(START.plus(Duration.ofDays(2)));
		// Three purchase days and 470 spent: gold.
		order(customer, "o-3", 200);
		Instant gold = this.clock.now();

		// 181 days without a visit is too long for gold, 366 for silver.
		this.clock.setTo(gold.plus(Duration.ofDays(180)));
		this.scan.scan();
		this.clock.setTo(gold.plus(Duration.ofDays(181)));
		this.scan.scan();
		this.scan.scan();
		Instant silver = this.clock.now();
		this.clock.setTo(gold.plus(Duration.ofDays(366)));
		this.scan.scan();

		assertThat(this.changes.forCustomer(customer))
			.extracting(TierChanges.Change::from, TierChanges.Change::to, TierChanges.Change::at)
			.containsExactly(tuple(null, "member", START), tuple("member", "silver", START),
					tuple("silver", "gold", gold), tuple("gold", "silver", silver),
					tuple("silver", "member", gold.plus(Duration.ofDays(366))));
		assertThat(tierEvents(customer))
			.extracting((properties) -> properties.get("from"), (properties) -> properties.get("to"),
					(properties) -> properties.get("direction"))
			.containsExactly(tuple(null, "member", "first"), tuple("member", "silver", "up"),
					tuple("silver", "gold", "up"), tuple("gold", "silver", "down"), tuple("silver", "member", "down"));
		assertThat(tierEvents(customer).get(2)).containsEntry("perks",
				Map.of("freeShippingThreshold", 50, "earlyAccessHours", 24, "birthdayGiftPoints", 100));
	}

	@Test
	void aVisitBringsTheTierBackAtOnce() throws Exception {
		String customer = newCustomerId();
		order(customer, "o-1", 120);
		this.clock.setTo(START.plus(Duration.ofDays(400)));
		this.scan.scan();
		this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer)).andExpect(jsonPath("$.tier").value("member"));

		send(TestEvents.track("Site Visited", customer)).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer))
			.andExpect(jsonPath("$.tier").value("silver"))
			.andExpect(jsonPath("$.tierSince").value(this.clock.now().toString()));
		assertThat(this.changes.forCustomer(customer)).extracting(TierChanges.Change::to)
			.containsExactly("silver", "member", "silver");
	}

	@Test
	void eventsThatChangeNoInputLeaveTheTierAlone() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.track("Product Viewed", customer).with("category", "tea")).andExpect(status().isAccepted());
		send(TestEvents.track("Email Opened", customer)).andExpect(status().isAccepted());

		assertThat(this.changes.forCustomer(customer)).isEmpty();
		// Never worked out, so shown as the table gives it now: a member.
		this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer))
			.andExpect(jsonPath("$.tier").value("member"))
			.andExpect(jsonPath("$.tierSince").doesNotExist());
	}

	private List<Map<String, Object>> tierEvents(String customer) {
		return this.events.forCustomer(customer)
			.stream()
			.filter((event) -> "Tier Changed".equals(event.name()))
			.map(EventHistory.RecordedEvent::properties)
			.toList();
	}

	private void order(String customer, String orderId, double total) throws Exception {
		send(TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", total))
			.andExpect(status().isAccepted());
	}

}
