package dev.encore.engine.journey;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.loyalty.LoyaltyScan;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points expiry reminder (journeys/points-expiry.bpmn): the daily loyalty scan emits
 * {@code Points Expiring} 30 days before points expire (a year after the order), and the
 * reminder goes at 10:00 in the customer's time zone, once. Time moves on Camunda's
 * clock.
 */
class PointsExpiryScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "PointsExpiry";

	@Autowired
	private LoyaltyScan scan;

	@Autowired
	private EventHistory events;

	@Test
	void thirtyDaysBeforePointsExpireTheCustomerIsRemindedAtTenTheirTime() throws Exception {
		String customer = customer("timezone", "Asia/Taipei");
		// 100 at once: silver, 120 points, expiring 2027-11-23T09:00Z.
		order(customer);

		scanAt("2027-10-24T08:00:00Z");
		assertThat(activeJourneys(customer, JOURNEY)).as("31 days before: not yet").isZero();
		scanAt("2027-10-24T12:00:00Z");
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitSendTime");

		this.clock.setTo(Instant.parse("2027-10-25T01:59:00Z"));
		this.clock.runDueJobs();
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		this.clock.setTo(Instant.parse("2027-10-25T02:00:00Z"));
		this.clock.runDueJobs();

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, 120 of your points expire on 2027-11-23");
		assertThat(html(mailTo(customer, JOURNEY).get(0))).contains("You have 120 points in all");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminded");

		scanAt("2027-10-25T12:00:00Z");
		scanAt("2027-11-01T12:00:00Z");
		assertThat(this.events.forCustomer(customer)).filteredOn((event) -> "Points Expiring".equals(event.name()))
			.singleElement()
			.satisfies((event) -> assertThat(event.properties()).containsEntry("points", 120)
				.containsEntry("expiresOn", "2027-11-23")
				.containsEntry("balance", 120));
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void theReminderSpeaksTheCustomersLanguageAndSpendingThePointsIsItsGoal() throws Exception {
		String customer = customer("locale", "zh-TW");
		order(customer);
		scanAt("2027-10-24T12:00:00Z");
		this.clock.setTo(Instant.parse("2027-10-25T10:00:00Z"));
		this.clock.runDueJobs();
		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada，您有 120 點將於 2027-11-23 到期");

		event(TestEvents.track("Points Redeemed", customer).with("points", 120).with("order_id", "o-2"));

		assertThat(this.conversions.forCustomer(customer)).filteredOn((c) -> c.journeyKey().equals(JOURNEY))
			.singleElement()
			.satisfies((conversion) -> {
				assertThat(conversion.eventName()).isEqualTo("Points Redeemed");
				assertThat(conversion.lastTemplateId()).isEqualTo("points-expiry");
			});
	}

	private void order(String customer) throws Exception {
		event(TestEvents.track("Order Completed", customer).with("order_id", "o-1").with("total", 100));
	}

	private void scanAt(String instant) {
		this.clock.setTo(Instant.parse(instant));
		this.scan.scan();
		this.clock.runDueJobs();
	}

}
