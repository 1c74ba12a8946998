package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.goal.Conversions;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestLineServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The abandoned-cart journey (journeys/abandoned-cart.bpmn), every path: email after an
 * hour, the coupon reminder a day after checkout on LINE, SMS or email, the last call
 * after three days; a purchase in each wait; the holdout; the goal. The coupon is
 * FROM-CONFIG: application-test.yml overrides the BPMN's couponCode.
 */
class AbandonedCartScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "AbandonedCart";

	private static final String PUSH = "/v2/bot/message/push";

	private final WireMockServer line = TestLineServer.get();

	@Autowired
	private JourneyModel model;

	@BeforeEach
	void lineAcceptsPushes() {
		this.line.resetAll();
		this.line.stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(200).withBody("{}")));
	}

	@Test
	void anEmailOnlyCustomerGetsTheReminderAfterAnHourTheCouponAfterADayAndTheLastCallAfterThreeDays()
			throws Exception {
		String customer = customer();
		checkout(customer);
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitFirstReminderDelay");

		passes(Duration.ofMinutes(59));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		passes(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, your cart is waiting");
		assertThat(body(mailTo(customer, JOURNEY).get(0))).contains("Linen shirt").contains("Wool socks");

		passes(Duration.ofHours(23).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
		passes(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).last().isEqualTo("Ada, a little something for your cart");
		assertThat(body(mailTo(customer, JOURNEY).get(1))).contains("FROM-CONFIG").contains("Linen shirt");

		passes(Duration.ofHours(48).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(2);
		passes(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).last().isEqualTo("Last call: your cart expires soon");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventRemindersSent");
		assertThat(steps(customer, JOURNEY))
			.extracting(MessageLog.Entry::activityId, MessageLog.Entry::templateId, MessageLog.Entry::status)
			.containsExactly(tuple("SendTaskCartReminderEmail", "cart-reminder", "sent"),
					tuple("SendTaskCartSecondReminderEmail", "cart-second-reminder", "sent"),
					tuple("SendTaskCartLastCallEmail", "cart-last-call", "sent"));
	}

	@Test
	void aCustomerOnLineGetsTheCouponReminderAsALineCard() throws Exception {
		String customer = newCustomerId();
		identified(customer, "lineUserId", lineUserOf(customer), "consents", Map.of("line", "granted"));
		checkout(customer);

		passes(Duration.ofHours(24));

		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, your cart is waiting");
		assertThat(secondReminder(customer).channel()).isEqualTo("line");
		this.line.verify(1, postRequestedFor(urlEqualTo(PUSH)).withRequestBody(containing("FROM-CONFIG"))
			.withRequestBody(containing(lineUserOf(customer))));
		passes(Duration.ofHours(48));
		assertThat(subjects(customer, JOURNEY)).hasSize(2).last().isEqualTo("Last call: your cart expires soon");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventRemindersSent");
	}

	@Test
	void aCustomerWhoAgreedToSmsGetsTheCouponReminderByText() throws Exception {
		String customer = smsCustomer();
		checkout(customer);

		passes(Duration.ofHours(24));

		assertThat(secondReminder(customer).activityId()).isEqualTo("SendTaskCartSecondReminderSms");
		assertThat(sandboxed(customer)).singleElement().satisfies((sms) -> {
			assertThat(sms.message().recipient()).isEqualTo(phoneOf(customer));
			assertThat(sms.message().content().toString()).contains("FROM-CONFIG").contains("2 item(s)");
		});
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
		this.line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
	}

	@Test
	void thePreferredChannelWinsWhenItReachesTheCustomer() throws Exception {
		String customer = newCustomerId();
		identified(customer, "lineUserId", lineUserOf(customer), "phone", phoneOf(customer), "preferredChannel", "sms",
				"consents", Map.of("line", "granted", "sms", "granted"));
		checkout(customer);

		passes(Duration.ofHours(24));

		assertThat(secondReminder(customer).channel()).isEqualTo("sms");
		this.line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
	}

	@Test
	void aPhoneWithoutSmsConsentGetsTheCouponByEmail() throws Exception {
		String customer = newCustomerId();
		identified(customer, "phone", phoneOf(customer), "consents", Map.of("sms", "revoked"));
		checkout(customer);

		passes(Duration.ofHours(24));

		assertThat(secondReminder(customer).activityId()).isEqualTo("SendTaskCartSecondReminderEmail");
		assertThat(sandboxed(customer)).isEmpty();
		assertThat(mailTo(customer, JOURNEY)).hasSize(2);
	}

	@Test
	void aPurchaseDuringTheFirstWaitEndsTheJourneyWithoutAMessageAndCountsAsItsConversion() throws Exception {
		String customer = customer();
		checkout(customer);
		passes(Duration.ofMinutes(30));

		buy(customer, 64.0);

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
		passes(Duration.ofDays(4));
		assertThat(steps(customer, JOURNEY)).isEmpty();
		assertThat(conversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.holdout()).isFalse();
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.revenue()).isEqualByComparingTo("64.0");
			assertThat(conversion.lastTemplateId()).isNull();
		});
	}

	@Test
	void aPurchaseDuringTheSecondWaitEndsTheJourneyAfterTheFirstEmail() throws Exception {
		String customer = customer();
		checkout(customer);
		passes(Duration.ofHours(2));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitSecondReminderDelay");

		buy(customer, 30.0);

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
		passes(Duration.ofDays(4));
		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, your cart is waiting");
		assertThat(conversion(customer).lastTemplateId()).isEqualTo("cart-reminder");
		assertThat(conversion(customer).lastSendKey()).endsWith(":SendTaskCartReminderEmail");
	}

	@Test
	void aPurchaseDuringTheLastCallWaitEndsTheJourneyAndIsCreditedToTheCouponReminder() throws Exception {
		String customer = smsCustomer();
		checkout(customer);
		passes(Duration.ofHours(30));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitLastCallDelay");

		buy(customer, 45.0);

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
		passes(Duration.ofDays(4));
		assertThat(subjects(customer, JOURNEY)).containsExactly("Ada, your cart is waiting");
		assertThat(sandboxed(customer)).hasSize(1);
		assertThat(conversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.lastTemplateId()).isEqualTo("cart-second-reminder");
			assertThat(conversion.lastSendKey()).endsWith(":SendTaskCartSecondReminderSms");
		});
	}

	@Test
	void anOrderAfterTheLastCallCountsWithinTheGoalWindowOnly() throws Exception {
		String credited = customer();
		String late = customer();
		checkout(credited);
		checkout(late);
		passes(Duration.ofDays(6));
		assertThat(endEvents(JOURNEY, credited)).containsExactly("EndEventRemindersSent");

		buy(credited, 80.0);
		passes(Duration.ofDays(1).plusMinutes(1));
		buy(late, 80.0);

		assertThat(conversion(credited).lastTemplateId()).isEqualTo("cart-last-call");
		assertThat(this.conversions.forCustomer(late)).isEmpty();
	}

	@Test
	void holdoutCustomersGetNothingWaitTheSameThreeDaysAndEndOnTheirOwn() throws Exception {
		String customer = Holdouts.inside(JOURNEY, "c-");
		identified(customer, "lineUserId", lineUserOf(customer), "consents", Map.of("line", "granted"));
		checkout(customer);
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitHoldoutFirstReminderDelay");

		passes(Duration.ofHours(72).minusMinutes(1));
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		passes(Duration.ofMinutes(1));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventHoldout");
		assertThat(steps(customer, JOURNEY)).isEmpty();
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		this.line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
	}

	@Test
	void aHoldoutPurchaseEndsTheirWaitAndCountsForTheHoldout() throws Exception {
		String customer = holdoutCustomer(JOURNEY);
		checkout(customer);
		passes(Duration.ofHours(30));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitHoldoutLastCallDelay");

		buy(customer, 52.0);

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
		assertThat(conversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.holdout()).isTrue();
			assertThat(conversion.branch()).isEqualTo("holdout");
			assertThat(conversion.lastSendKey()).isNull();
		});
	}

	@Test
	void theHoldoutIsTheTenPercentTheTestsKeepApart() {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(JOURNEY)
			.latestVersion()
			.singleResult()
			.getId();
		assertThat(this.model.properties(definitionId)).containsEntry("holdout.percent",
				String.valueOf(Holdouts.PERCENT.get(JOURNEY)));
	}

	@Test
	void aSecondCheckoutWhileActiveDoesNotStartAnotherJourney() throws Exception {
		String customer = customer();
		checkout(customer);

		event(TestEvents.checkoutStarted(customer).withProduct("Hat", 1, 20.0));

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		passes(Duration.ofHours(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
	}

	@Test
	void theSameEventSentTwiceIsAppliedOnce() throws Exception {
		String customer = customer();
		TestEvents checkout = TestEvents.checkoutStarted(customer).withProduct("Hat", 1, 20.0);
		send(checkout).andExpect(jsonPath("$.status").value("accepted"));

		send(TestEvents.orderCompleted(customer));
		send(checkout).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("duplicate"));

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void aPurchaseRacingWithTheDueReminderNeverSurfacesAConflict() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String customer = customer();
				checkout(customer);
				this.clock.setTo(this.clock.now().plus(Duration.ofHours(1)));
				String instance = this.runtime.createProcessInstanceQuery()
					.processInstanceBusinessKey(customer)
					.processDefinitionKey(JOURNEY)
					.singleResult()
					.getId();
				Job due = this.management.createJobQuery().processInstanceId(instance).singleResult();

				Callable<Integer> purchase = () -> send(TestEvents.orderCompleted(customer)).andReturn()
					.getResponse()
					.getStatus();
				Callable<Integer> timer = () -> {
					try {
						this.management.executeJob(due.getId());
					}
					catch (RuntimeException ex) {
						// The purchase won: the timer job lost its execution, as with the
						// executor.
					}
					return 0;
				};
				Future<Integer> purchaseStatus = pool.submit(purchase);
				pool.submit(timer).get();

				assertThat(purchaseStatus.get()).isEqualTo(202);
				this.clock.runDueJobs();
				assertThat(activeJourneys(customer, JOURNEY)).isZero();
				assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void checkout(String customer) throws Exception {
		event(TestEvents.checkoutStarted(customer)
			.withProduct("Linen shirt", 1, 49.0)
			.withProduct("Wool socks", 2, 12.5));
	}

	/**
	 * Moves the clock an hour at a time: each timer starts the next wait when it fires,
	 * as on a running engine.
	 */
	private void passes(Duration time) {
		for (Duration left = time; !left.isZero(); left = left.minus(min(left))) {
			this.clock.advance(min(left));
		}
	}

	private static Duration min(Duration left) {
		return left.compareTo(Duration.ofHours(1)) < 0 ? left : Duration.ofHours(1);
	}

	private void buy(String customer, double total) throws Exception {
		event(TestEvents.orderCompleted(customer).with("total", total).with("currency", "USD"));
	}

	private String smsCustomer() throws Exception {
		String customer = newCustomerId();
		return identified(customer, "phone", phoneOf(customer), "consents", Map.of("sms", "granted"));
	}

	private MessageLog.Entry secondReminder(String customer) {
		return steps(customer, JOURNEY).stream()
			.filter((step) -> step.templateId().equals("cart-second-reminder"))
			.reduce((first, second) -> {
				throw new AssertionError("two second reminders: " + first + ", " + second);
			})
			.orElseThrow(() -> new AssertionError("no second reminder in " + steps(customer, JOURNEY)));
	}

	private Conversions.Conversion conversion(String customer) {
		List<Conversions.Conversion> all = this.conversions.forCustomer(customer);
		assertThat(all).hasSize(1);
		assertThat(all.get(0).journeyKey()).isEqualTo(JOURNEY);
		return all.get(0);
	}

	/** A number no other test uses, so support's search by phone stays unambiguous. */
	private static String phoneOf(String customer) {
		return "+8869" + String.format("%08d", Math.floorMod(customer.hashCode(), 100_000_000));
	}

	private static String lineUserOf(String customer) {
		return "U" + customer.substring("c-".length()).replace("-", "");
	}

}
