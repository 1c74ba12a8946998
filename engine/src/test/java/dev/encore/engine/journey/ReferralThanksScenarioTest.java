package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referral thanks (journeys/referral-thanks.bpmn): one transactional thank-you per
 * referral, also for referrals at the same moment, mail read at the SMTP server.
 */
class ReferralThanksScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "ReferralThanks";

	@Test
	void twoReferralsAtOnceAreTwoConcurrentJourneysAndTwoThankYous() throws Exception {
		String advocate = customer();

		send(referral(advocate, "c-friend-1")).andExpect(status().isAccepted());
		send(referral(advocate, "c-friend-2")).andExpect(status().isAccepted());
		assertThat(activeJourneys(advocate, JOURNEY)).isEqualTo(2);

		this.clock.runDueJobs();

		assertThat(subjects(advocate)).containsExactly("Ada, thank you for the referral",
				"Ada, thank you for the referral");
		assertThat(mailTo(advocate)).allSatisfy((mail) -> assertThat(body(mail)).contains("THANKS20"));
		assertThat(endEvents(JOURNEY, advocate)).containsExactly("EndEventThanked", "EndEventThanked");
	}

	@Test
	void thankYousAreTransactionalSoTheWeeklyMarketingCapDoesNotHoldThemBack() throws Exception {
		String advocate = customer("locale", "zh-TW");

		for (int friend = 1; friend <= 4; friend++) {
			event(referral(advocate, "c-friend-" + friend));
		}

		// Four in one day, over the cap of three marketing messages a week.
		assertThat(thanks(advocate)).hasSize(4).allSatisfy((step) -> assertThat(step.status()).isEqualTo("sent"));
		assertThat(subjects(advocate)).hasSize(4).allMatch("Ada，謝謝您的推薦"::equals);
	}

	@Test
	void anOrderWithinThirtyDaysIsTheGoalOfEachThankYou() throws Exception {
		String advocate = customer();
		event(referral(advocate, "c-friend-1"));
		this.clock.advance(Duration.ofDays(12));

		event(TestEvents.orderCompleted(advocate).with("total", 80.0));

		assertThat(this.conversions.forCustomer(advocate)).filteredOn((c) -> c.journeyKey().equals(JOURNEY))
			.singleElement()
			.satisfies((conversion) -> {
				assertThat(conversion.eventName()).isEqualTo("Order Completed");
				assertThat(conversion.revenue()).isEqualByComparingTo("80");
				assertThat(conversion.lastTemplateId()).isEqualTo("referral-thanks");
			});
	}

	private static TestEvents referral(String advocate, String friend) {
		return TestEvents.track("Referral Completed", advocate)
			.with("referred_customer_id", friend)
			.with("referral_code", "ADA-7K3Q9PXM");
	}

	private List<MessageLog.Entry> thanks(String customer) {
		return steps(customer, JOURNEY);
	}

}
