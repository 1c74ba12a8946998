package dev.encore.engine.loyalty;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Points through the intake as a storefront sends the events, each balance worked out by
 * hand with the shipped rules (journeys/loyalty-points.dmn: 1 point per unit for members,
 * 1.2 for silver, at the tier the order leaves the customer in; docs/loyalty.md).
 */
class PointsTest extends EncoreIntegrationTest {

	@Autowired
	private PointsLedger ledger;

	@Autowired
	private LoyaltyScan scan;

	@Test
	void earnRedeemAndRefundComeToTheBalancesWorkedOutByHand() throws Exception {
		String customer = newCustomerId();
		order(customer, "o-1", 80);
		// 80 of one order: member, 80 × 1.
		order(customer, "o-2", 50);
		// A second order makes silver: 50 × 1.2 = 60.
		redeem(customer, 100);
		// 50 more than the 40 left: refused, recorded, nothing taken.
		redeem(customer, 50);
		// Half of o-2 refunded: half of its 60 points back, from its own lot.
		refund(customer, "o-2", 25);
		// The other half: 30 more owed, but only 10 are left to take.
		refund(customer, "o-2", 25);

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 80L, 80L), tuple("earn", 60L, 140L), tuple("redeem", -100L, 40L),
					tuple("redeem_refused", 0L, 40L), tuple("refund", -30L, 10L), tuple("refund", -10L, 0L));
		List<PointsLedger.Entry> rows = this.ledger.forCustomer(customer);
		assertThat(rows.get(3).detail()).isEqualTo("balance 40 is less than the 50 points asked");
		assertThat(rows.get(5).detail()).isEqualTo("20 of 30 points were already spent");
		assertThat(rows.get(1).orderId()).isEqualTo("o-2");
		assertThat(rows.get(1).expiresAt()).isEqualTo(START.plus(Duration.ofDays(365)));
	}

	@Test
	void pointsExpireAYearAfterTheyWereEarnedTheOldestSpentFirst() throws Exception {
		String customer = newCustomerId();
		// 100: silver at once, 100 × 1.2 = 120.
		order(customer, "o-1", 100);
		this.clock.setTo(START.plus(Duration.ofDays(200)));
		// 10 × 1.2 = 12.
		order(customer, "o-2", 10);
		// Spent from January's 120 first: 90 of it left.
		redeem(customer, 30);

		// A second before they expire it is the first order's anniversary: 100 more, a
		// year
		// to spend them.
		this.clock.setTo(START.plus(Duration.ofDays(365)).minusSeconds(1));
		this.scan.scan();
		assertThat(balance(customer)).isEqualTo(202);
		this.clock.setTo(START.plus(Duration.ofDays(365)).plusSeconds(3600));
		this.scan.scan();
		this.scan.scan();
		assertThat(balance(customer)).isEqualTo(112);
		this.clock.setTo(START.plus(Duration.ofDays(200 + 365)).plusSeconds(3600));
		this.scan.scan();

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 120L, 120L), tuple("earn", 12L, 132L), tuple("redeem", -30L, 102L),
					tuple("anniversary", 100L, 202L), tuple("expire", -90L, 112L), tuple("expire", -12L, 100L));
	}

	@Test
	void aRefundBeforeItsOrderTakesItsShareOnceTheOrderArrives() throws Exception {
		String customer = newCustomerId();
		refund(customer, "o-1", 40);
		// The profile nets the refund: one order, 60 net, member: 100 × 1 on the total.
		order(customer, "o-1", 100);

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("refund", 0L, 0L), tuple("earn", 100L, 100L), tuple("refund", -40L, 60L));
	}

	@Test
	void replayedEventsAndTheSameOrderSentAgainChangeNothingTwice() throws Exception {
		String customer = newCustomerId();
		TestEvents first = order(customer, "o-1", 100);
		TestEvents redemption = TestEvents.track("Points Redeemed", customer)
			.with("points", 20)
			.with("order_id", "o-2");
		TestEvents refund = TestEvents.track("Order Refunded", customer).with("order_id", "o-1").with("total", 50);
		event(redemption);
		event(refund);

		event(first);
		order(customer, "o-1", 500);
		event(redemption);
		event(refund);

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 120L, 120L), tuple("redeem", -20L, 100L), tuple("refund", -60L, 40L));
	}

	@Test
	void aRedemptionThatIsNoWholePositiveNumberIsRefusedNamingTheField() throws Exception {
		String customer = newCustomerId();
		for (Object points : List.of("ten", 0, -5, 1.5, 1e15)) {
			send(TestEvents.track("Points Redeemed", customer).with("points", points))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("properties.points"));
		}
		send(TestEvents.track("Points Redeemed", customer)).andExpect(status().isBadRequest());
		assertThat(this.ledger.forCustomer(customer)).isEmpty();
	}

	@Test
	void storefrontsCannotSendTheEventsThatGivePoints() throws Exception {
		for (String internal : List.of("Membership Anniversary", "Points Expired", "Tier Changed", "Tier Reviewed",
				"Points Expiring")) {
			send(TestEvents.track(internal, newCustomerId()).with("years", 1)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("event"));
		}
	}

	private long balance(String customer) {
		List<PointsLedger.Entry> rows = this.ledger.forCustomer(customer);
		return rows.get(rows.size() - 1).balanceAfter();
	}

	private TestEvents order(String customer, String orderId, double total) throws Exception {
		TestEvents order = TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", total);
		event(order);
		return order;
	}

	private void redeem(String customer, long points) throws Exception {
		event(TestEvents.track("Points Redeemed", customer).with("points", points).with("order_id", "r-" + points));
	}

	private void refund(String customer, String orderId, double amount) throws Exception {
		event(TestEvents.track("Order Refunded", customer).with("order_id", orderId).with("total", amount));
	}

	private void event(TestEvents event) throws Exception {
		send(event).andExpect(status().isAccepted());
	}

}
