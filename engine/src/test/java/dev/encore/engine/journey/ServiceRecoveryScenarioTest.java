package dev.encore.engine.journey;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service recovery (journeys/service-recovery.bpmn): an apology at once, with the way to
 * support, for a review rated 2 or less (overall or an aspect) or a detractor's NPS
 * answer; nothing for a happy customer; at most once in 30 days.
 */
class ServiceRecoveryScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "ServiceRecovery";

	@Test
	void aLowRatingGetsTheApologyWithTheWayToSupportAtOnce() throws Exception {
		String customer = customer();

		event(review(customer, 2));

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, we are sorry");
		assertThat(html(mailTo(customer, JOURNEY).get(0))).contains("https://shop.example.com/support",
				"mailto:support@shop.example.com");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventApologised");
	}

	@Test
	void aGoodRatingWithOneAspectRatedLowAlsoEnters() throws Exception {
		String customer = customer();

		event(review(customer, 4).with("ratings", Map.of("productInfo", 5, "logistics", 1)));

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, we are sorry");
	}

	@Test
	void aFiveStarReviewSendsNothing() throws Exception {
		String customer = customer();

		event(review(customer, 5).with("ratings", Map.of("productInfo", 5, "serviceResponse", 3, "logistics", 4)));
		event(review(customer, 3));

		assertThat(mailTo(customer)).isEmpty();
		assertThat(startedInstances(customer)).isZero();
	}

	@Test
	void aDetractorIsApologisedToInTheirLanguageAndPassivesAndPromotersAreNot() throws Exception {
		String promoter = customer("locale", "zh-TW");
		event(nps(promoter, 10));
		event(nps(promoter, 7));
		assertThat(startedInstances(promoter)).isZero();

		String detractor = customer("locale", "zh-TW");
		event(nps(detractor, 6));

		assertThat(subjects(detractor, JOURNEY)).containsExactly("Ada，非常抱歉");
		assertThat(html(mailTo(detractor, JOURNEY).get(0))).contains("客服中心", "support@shop.example.com");
	}

	@Test
	void aCustomerIsApologisedToAtMostOnceIn30Days() throws Exception {
		String customer = customer();
		event(review(customer, 1));
		this.clock.advance(Duration.ofDays(10));
		event(nps(customer, 2));
		assertThat(subjects(customer, JOURNEY)).hasSize(1);

		this.clock.advance(Duration.ofDays(21));
		event(nps(customer, 0));

		assertThat(subjects(customer, JOURNEY)).hasSize(2);
	}

	private long startedInstances(String customer) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.count();
	}

	private static TestEvents review(String customer, int rating) {
		return TestEvents.track("Review Submitted", customer).with("rating", rating);
	}

	private static TestEvents nps(String customer, int score) {
		return TestEvents.track("NPS Submitted", customer).with("score", score);
	}

}
