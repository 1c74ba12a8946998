package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The abandoned-cart journey end to end: HTTP event in, email out at the SMTP server (its
 * own mail: an order also brings the post-purchase thank-you).
 */
class AbandonedCartScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "AbandonedCart";

	private String checkout(String customerId) throws Exception {
		send(TestEvents.identify(customerId, customerId + "@example.org", "Ada")).andExpect(status().isAccepted());
		TestEvents checkout = TestEvents.checkoutStarted(customerId)
			.withProduct("Linen shirt", 1, 49.0)
			.withProduct("Wool socks", 2, 12.5);
		send(checkout).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("accepted"));
		return checkout.messageId();
	}

	@Test
	void checkoutWithoutPurchaseSendsReminderAfterAnHourAndSecondOneADayLaterThenEnds() throws Exception {
		String customer = newCustomerId();
		checkout(customer);

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		assertThat(this.runtime.getActiveActivityIds(instanceOf(customer).getId()))
			.containsExactly("TimerWaitFirstReminderDelay");

		this.clock.advance(Duration.ofMinutes(59));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
		MimeMessage first = mailTo(customer, JOURNEY).get(0);
		assertThat(first.getSubject()).isEqualTo("Ada, your cart is waiting");
		String body = GreenMailUtil.getBody(first);
		assertThat(body).contains("Linen shirt").contains("Wool socks");

		this.clock.advance(Duration.ofHours(22).plusMinutes(59));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(2);
		assertThat(mailTo(customer, JOURNEY).get(1).getSubject()).startsWith("Last call");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(endEventOf(customer)).isEqualTo("EndEventRemindersSent");

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/customers/{id}/messages", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].status").value("sent"))
			.andExpect(jsonPath("$[0].templateId").value("cart-reminder"))
			.andExpect(jsonPath("$[0].journey").value(JOURNEY))
			.andExpect(jsonPath("$[0].preview").value(org.hamcrest.Matchers.containsString("Linen shirt")))
			.andExpect(jsonPath("$[1].templateId").value("cart-second-reminder"));
	}

	@Test
	void purchaseDuringFirstWaitEndsJourneyWithoutEmail() throws Exception {
		String customer = newCustomerId();
		checkout(customer);
		this.clock.advance(Duration.ofMinutes(30));

		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(endEventOf(customer)).isEqualTo("EndEventConverted");
		this.clock.advance(Duration.ofDays(2));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
	}

	@Test
	void purchaseDuringSecondWaitEndsJourneyAfterOneEmail() throws Exception {
		String customer = newCustomerId();
		checkout(customer);
		this.clock.advance(Duration.ofHours(2));

		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());

		this.clock.advance(Duration.ofDays(2));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
		assertThat(endEventOf(customer)).isEqualTo("EndEventConverted");
	}

	@Test
	void secondCheckoutWhileActiveDoesNotStartAnotherJourney() throws Exception {
		String customer = newCustomerId();
		checkout(customer);

		send(TestEvents.checkoutStarted(customer).withProduct("Hat", 1, 20.0)).andExpect(status().isAccepted());

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		this.clock.advance(Duration.ofHours(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
	}

	@Test
	void sameEventSentTwiceIsAppliedOnce() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada"));
		TestEvents checkout = TestEvents.checkoutStarted(customer).withProduct("Hat", 1, 20.0);
		send(checkout).andExpect(jsonPath("$.status").value("accepted"));

		send(TestEvents.orderCompleted(customer));
		send(checkout).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("duplicate"));

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void purchaseRacingWithTheDueReminderNeverSurfacesAConflict() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String customer = newCustomerId();
				checkout(customer);
				this.clock.setTo(this.clock.now().plus(Duration.ofHours(1)));
				Job due = this.management.createJobQuery()
					.processInstanceId(instanceOf(customer).getId())
					.singleResult();

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
				assertThat(endEventOf(customer)).isEqualTo("EndEventConverted");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HistoricProcessInstance instanceOf(String customerId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customerId)
			.singleResult();
	}

	private String endEventOf(String customerId) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceOf(customerId).getId())
			.activityType("noneEndEvent")
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.findFirst()
			.orElse(null);
	}

}
