package dev.encore.engine.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-purchase journey (journeys/post-purchase.bpmn), every path, mail read at the
 * SMTP server.
 */
class PostPurchaseScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "PostPurchase";

	private static final String THANKS = "Ada, thank you for your order";

	private static final String REQUEST = "Ada, how was your order?";

	private static final String REMINDER = "Ada, a minute to rate your order?";

	/** deliveryDelay (5 days) plus settleDelay (2 days). */
	private static final Duration DELIVERED_AND_SETTLED = Duration.ofDays(7);

	private static final Duration REMINDER_DELAY = Duration.ofDays(4);

	@Test
	void everyOrderIsThankedAtOnceWithItsProductsAndTotal() throws Exception {
		String customer = customer();
		order(customer, "o-100");

		assertThat(subjects(customer)).containsExactly(THANKS);
		assertThat(html(mailTo(customer).get(0))).contains("o-100", "Linen shirt", "Wool scarf × 2", "USD 89.0");
		assertThat(steps(customer, JOURNEY)).singleElement()
			.extracting(MessageLog.Entry::templateId, MessageLog.Entry::status)
			.containsExactly("order-thanks", "sent");
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitDelivery");
	}

	@Test
	void theReviewRequestFollowsDeliveryAndSettlingAndAsksAboutFiveAspectsThenOneReminder() throws Exception {
		String customer = customer();
		order(customer, "o-200");

		this.clock.advance(DELIVERED_AND_SETTLED.minusMinutes(1));
		assertThat(subjects(customer)).containsExactly(THANKS);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer)).containsExactly(THANKS, REQUEST);
		assertThat(html(mailTo(customer).get(1))).contains(
				"https://shop.example.com/reviews?order=o-200&amp;aspect=product-information",
				"aspect=customer-service", "aspect=delivery", "aspect=review-follow-up", "aspect=refund-speed");

		this.clock.advance(REMINDER_DELAY.minusMinutes(1));
		assertThat(subjects(customer)).hasSize(2);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer)).containsExactly(THANKS, REQUEST, REMINDER);
		assertThat(html(mailTo(customer).get(2))).contains("aspect=refund-speed");
		assertThat(endEvents(customer)).containsExactly("EndEventReminderSent", "EndEventReviewRequested");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void anExpectedDeliveryDateOnTheOrderDecidesWhenToAsk() throws Exception {
		String customer = customer();
		event(anOrder(customer, "o-300").with("expected_delivery_date", "2026-12-03"));
		// Delivered on 3 December (a date: its start in the shop's time zone, UTC), asked
		// two days later instead of seven days after the order.
		Instant asked = Instant.parse("2026-12-05T00:00:00Z");

		this.clock.advance(DELIVERED_AND_SETTLED);
		assertThat(subjects(customer)).containsExactly(THANKS);
		this.clock.advance(Duration.between(this.clock.now(), asked).minusMinutes(1));
		assertThat(subjects(customer)).containsExactly(THANKS);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer)).containsExactly(THANKS, REQUEST);
	}

	@Test
	void aReviewWhileWaitingForDeliveryEndsTheJourneyAndIsItsConversion() throws Exception {
		String customer = customer();
		order(customer, "o-400");
		this.clock.advance(Duration.ofDays(3));

		event(TestEvents.track("Review Submitted", customer).with("rating", 5));

		assertThat(endEvents(customer)).containsExactly("EndEventReviewed");
		this.clock.advance(Duration.ofDays(20));
		assertThat(subjects(customer)).containsExactly(THANKS);
		assertConversion(customer, "order-thanks");
	}

	@Test
	void aReviewAfterTheRequestEndsTheJourneyWithoutAReminder() throws Exception {
		String customer = customer();
		order(customer, "o-500");
		this.clock.advance(DELIVERED_AND_SETTLED.plusDays(1));

		event(TestEvents.track("Review Submitted", customer).with("rating", 5));

		assertThat(endEvents(customer)).containsExactly("EndEventReviewed");
		this.clock.advance(Duration.ofDays(10));
		assertThat(subjects(customer)).containsExactly(THANKS, REQUEST);
		assertConversion(customer, "review-request");
	}

	@Test
	void aRefundBeforeTheRequestMeansNoRequest() throws Exception {
		String customer = customer();
		order(customer, "o-600");
		this.clock.advance(Duration.ofDays(2));

		event(TestEvents.track("Order Refunded", customer).with("order_id", "o-600"));

		assertThat(endEvents(customer)).containsExactly("EndEventRefunded");
		this.clock.advance(Duration.ofDays(20));
		assertThat(subjects(customer)).containsExactly(THANKS);
	}

	@Test
	void aSecondOrderIsThankedTooAndOnlyTheLatestOrderIsReviewed() throws Exception {
		String customer = customer();
		order(customer, "o-700");
		this.clock.advance(Duration.ofDays(2));

		// (The second order also makes the customer Silver: TierUp's mail is not this
		// journey's.)
		order(customer, "o-701");

		assertThat(subjects(customer, JOURNEY)).containsExactly(THANKS, THANKS);
		assertThat(html(mailTo(customer, JOURNEY).get(1))).contains("o-701");
		assertThat(endEvents(customer)).containsExactly("EndEventReplacedByLaterOrder");
		assertThat(activeJourneys(customer, JOURNEY)).isOne();

		this.clock.advance(DELIVERED_AND_SETTLED);
		assertThat(subjects(customer, JOURNEY)).containsExactly(THANKS, THANKS, REQUEST);
		assertThat(html(mailTo(customer, JOURNEY).get(2))).contains("order=o-701").doesNotContain("o-700");

		// The review is one conversion, credited to the latest order's instance.
		event(TestEvents.track("Review Submitted", customer).with("rating", 5));
		assertConversion(customer, "review-request");
		assertThat(this.conversions.forCustomer(customer)
			.stream()
			.filter((conversion) -> conversion.journeyKey().equals(JOURNEY))
			.findFirst()
			.orElseThrow()
			.processInstanceId())
			.isNotEqualTo(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(JOURNEY)
				.processInstanceBusinessKey(customer)
				.orderByProcessInstanceStartTime()
				.asc()
				.list()
				.get(0)
				.getId());
	}

	@Test
	void aTraditionalChineseCustomerGetsTheZhTwTemplates() throws Exception {
		String customer = customer("locale", "zh-TW");
		order(customer, "o-800");
		this.clock.advance(DELIVERED_AND_SETTLED);

		assertThat(subjects(customer)).containsExactly("Ada，感謝您的訂購！", "Ada，這次購物還滿意嗎？");
		assertThat(html(mailTo(customer).get(1))).contains("aspect=refund-speed");
	}

	@Test
	void withSendReminderOffTheRequestIsTheLastMessage() throws Exception {
		String customer = customer();
		order(customer, "o-900");
		// As if the journey's setting sendReminder were false when the customer entered.
		this.runtime.setVariable(instanceOf(customer), "sendReminder", "false");

		this.clock.advance(DELIVERED_AND_SETTLED.plus(REMINDER_DELAY).plusDays(1));

		assertThat(subjects(customer)).containsExactly(THANKS, REQUEST);
		assertThat(endEvents(customer)).containsExactly("EndEventNoReminder", "EndEventReviewRequested");
	}

	private void order(String customer, String orderId) throws Exception {
		event(anOrder(customer, orderId));
	}

	private static TestEvents anOrder(String customer, String orderId) {
		return TestEvents.track("Order Completed", customer)
			.with("order_id", orderId)
			.with("total", 89.0)
			.with("currency", "USD")
			.with("products", new ArrayList<>())
			.withProduct("Linen shirt", 1, 49.0)
			.withProduct("Wool scarf", 2, 20.0);
	}

	/** This journey's conversion (a second order is also the second-purchase nudge's). */
	private void assertConversion(String customer, String lastTemplate) {
		assertThat(this.conversions.forCustomer(customer)
			.stream()
			.filter((conversion) -> conversion.journeyKey().equals(JOURNEY))).singleElement()
			.satisfies((conversion) -> {
				assertThat(conversion.journeyKey()).isEqualTo(JOURNEY);
				assertThat(conversion.eventName()).isEqualTo("Review Submitted");
				assertThat(conversion.branch()).isNull();
				assertThat(conversion.lastTemplateId()).isEqualTo(lastTemplate);
			});
	}

	private List<String> endEvents(String customer) {
		return endEvents(JOURNEY, customer);
	}

	private String instanceOf(String customer) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();
	}

}
