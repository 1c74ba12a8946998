package dev.encore.engine.loyalty;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.profile.BirthdayScan;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Points given, once each: the tier's birthday gift on {@code Birthday Reached} (silver:
 * 50) and the anniversary bonus (100) on the day of the first order, a year on.
 */
class LoyaltyGiftsTest extends EncoreIntegrationTest {

	@Autowired
	private PointsLedger ledger;

	@Autowired
	private BirthdayScan birthdays;

	@Autowired
	private LoyaltyScan scan;

	@Test
	void aSilverMemberGetsFiftyPointsOnTheirBirthdayOnceAYear() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("birthday", "1990-11-23"))
			.andExpect(status().isAccepted());
		order(customer, 120);

		this.birthdays.scan();
		this.birthdays.scan();

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 144L, 144L), tuple("birthday", 50L, 194L));
	}

	@Test
	void theAnniversaryOfTheFirstOrderGivesTheBonusOnceThatYear() throws Exception {
		String customer = newCustomerId();
		order(customer, 120);

		this.clock.setTo(Instant.parse("2027-11-22T23:00:00Z"));
		this.scan.scan();
		this.clock.setTo(Instant.parse("2027-11-23T08:00:00Z"));
		this.scan.scan();
		this.scan.scan();

		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 144L, 144L), tuple("anniversary", 100L, 244L));
		assertThat(this.ledger.forCustomer(customer).get(1).dedupeKey()).isEqualTo("anniversary:1");
	}

	private void order(String customer, double total) throws Exception {
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-1").with("total", total))
			.andExpect(status().isAccepted());
	}

}
