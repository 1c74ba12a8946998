package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second-purchase nudge (journeys/second-purchase.bpmn), every path, mail read at the
 * SMTP server.
 */
class SecondPurchaseScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "SecondPurchase";

	private static final String RECOMMENDATION = "Ada, picked to go with your order";

	private static final String COUPON = "Ada, a thank-you for your next order";

	@Test
	void aFirstOrderWaitsTheCategorysIntervalRecommendsWhatGoesWithItThenSendsTheCouponOnce() throws Exception {
		String customer = customer();
		event(order(customer, "Coffee", 24.0));

		this.clock.advance(Duration.ofDays(21).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).containsExactly(RECOMMENDATION);
		assertThat(body(mailTo(customer, JOURNEY).get(0))).contains("Coffee")
			.contains("https://shop.example.com/collections/brewing-gear");

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(subjects(customer, JOURNEY)).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).containsExactly(RECOMMENDATION, COUPON);
		assertThat(body(mailTo(customer, JOURNEY).get(1))).contains("SECOND10");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventCouponSent");

		this.clock.advance(Duration.ofDays(30));
		assertThat(mailTo(customer, JOURNEY)).hasSize(2);
	}

	@Test
	void anOrderWithoutAKnownCategoryWaitsTheDefaultIntervalAndRecommendsBestSellers() throws Exception {
		String customer = customer();
		event(order(customer, "Candles", 18.0));

		this.clock.advance(Duration.ofDays(30).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).containsExactly(RECOMMENDATION);
		assertThat(body(mailTo(customer, JOURNEY).get(0)))
			.contains("https://shop.example.com/collections/best-sellers");
	}

	@Test
	void aSecondOrderDuringTheRepurchaseWaitEndsTheJourneyWithoutMailAndIsItsConversion() throws Exception {
		String customer = customer();
		event(order(customer, "Skincare", 40.0));
		this.clock.advance(Duration.ofDays(44));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitRepurchaseInterval");

		event(order(customer, "Skincare", 52.0));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventSecondOrder");
		this.clock.advance(Duration.ofDays(30));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		assertThat(conversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.revenue()).isEqualByComparingTo("52.0");
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.lastTemplateId()).isNull();
		});
	}

	@Test
	void aSecondOrderDuringTheEscalationWaitEndsTheJourneyWithoutTheCouponAndCreditsTheRecommendation()
			throws Exception {
		String customer = customer();
		event(order(customer, "Coffee", 24.0));
		this.clock.advance(Duration.ofDays(23));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitEscalationDelay");

		event(order(customer, "Coffee", 30.0));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventSecondOrder");
		this.clock.advance(Duration.ofDays(10));
		assertThat(subjects(customer, JOURNEY)).containsExactly(RECOMMENDATION);
		assertThat(conversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.lastTemplateId()).isEqualTo("second-purchase-recommendation");
			assertThat(conversion.lastSendKey()).endsWith(":SendTaskRecommendationEmail");
		});
	}

	@Test
	void aFirstOrderBigEnoughToMakeTheCustomerLoyalStillCountsAsTheFirst() throws Exception {
		String customer = customer();
		event(order(customer, "Skincare", 800.0));

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
	}

	@Test
	void aRepeatCustomersOrdersNeverStartTheJourney() throws Exception {
		String customer = customer();
		event(order(customer, "Coffee", 24.0));
		event(order(customer, "Coffee", 24.0));
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventSecondOrder");

		event(order(customer, "Coffee", 24.0));

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		this.clock.advance(Duration.ofDays(60));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
	}

	@Test
	void theCustomersLocalePicksTheLanguage() throws Exception {
		String customer = customer("locale", "zh-TW");
		event(order(customer, "Coffee", 24.0));

		this.clock.advance(Duration.ofDays(21));
		this.clock.advance(Duration.ofDays(7));

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada，為您的訂單精選搭配好物", "Ada，下一筆訂單的感謝禮");
	}

	private static TestEvents order(String customer, String category, double price) {
		return TestEvents.orderCompleted(customer)
			.with("total", price)
			.with("currency", "USD")
			.with("products", List.of(Map.of("sku", "SKU-" + category, "name", category + " sampler", "category",
					category, "quantity", 1, "price", price)));
	}

	private dev.encore.engine.goal.Conversions.Conversion conversion(String customer) {
		return this.conversions.forCustomer(customer)
			.stream()
			.filter((conversion) -> conversion.journeyKey().equals(JOURNEY))
			.reduce((a, b) -> {
				throw new AssertionError("more than one conversion");
			})
			.orElseThrow();
	}

}
