package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.profile.ChurnScan;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The win-back journey (journeys/win-back.bpmn), every path, mail read at the SMTP
 * server. Customers lapse the real way: one order, then the churn scan 121 days later
 * (first-order interval 60 days, factor 2). Only the journey's own mail is counted: the
 * post-purchase journey thanks every order.
 */
class WinBackScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "WinBack";

	private static final Duration STEP = Duration.ofDays(14);

	private static final String REMINDER = "Ada, we miss you";

	private static final String OFFER = "Ada, a welcome-back gift for you";

	private static final String LAST_OFFER = "Ada, our best offer, one last time";

	@Autowired
	private ChurnScan churnScan;

	@Autowired
	private ProfileStore profiles;

	@Test
	void aLapsedCustomerGetsThreeEscalatingEmailsTwoWeeksApartAndIsThenSunset() throws Exception {
		String customer = lapsedCustomer();

		assertThat(subjects(customer, JOURNEY)).containsExactly(REMINDER);
		this.clock.advance(STEP.minusMinutes(1));
		assertThat(subjects(customer, JOURNEY)).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer, JOURNEY)).containsExactly(REMINDER, OFFER);
		assertThat(body(mailTo(customer, JOURNEY).get(1))).contains("COMEBACK15");
		this.clock.advance(STEP);
		assertThat(subjects(customer, JOURNEY)).containsExactly(REMINDER, OFFER, LAST_OFFER);
		assertThat(body(mailTo(customer, JOURNEY).get(2))).contains("COMEBACK25");
		assertThat(sunset(customer)).isFalse();

		this.clock.advance(STEP.minusMinutes(1));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("TimerWaitLastOfferWindow");
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(endEvents(customer)).containsExactly("EndEventSunset");
		assertThat(sunset(customer)).isTrue();
		assertThat(steps(customer, JOURNEY)).extracting(MessageLog.Entry::templateId, MessageLog.Entry::status)
			.containsExactly(tuple("win-back-reminder", "sent"), tuple("win-back-offer", "sent"),
					tuple("win-back-last-offer", "sent"));
		assertThat(this.conversions.forCustomer(customer)).isEmpty();
	}

	@ParameterizedTest(name = "order after {0} email(s)")
	@CsvSource({ "1, win-back-reminder", "2, win-back-offer", "3, win-back-last-offer" })
	void anOrderDuringAnyWaitEndsTheJourneyAsWonBackAndCountsForTheLastEmail(int emails, String lastTemplate)
			throws Exception {
		String customer = lapsedCustomer();
		weeks(2 * (emails - 1));
		this.clock.advance(Duration.ofDays(13));
		assertThat(mailTo(customer, JOURNEY)).hasSize(emails);

		event(TestEvents.orderCompleted(customer).with("total", 80.0).with("currency", "USD"));

		assertThat(endEvents(customer)).containsExactly("EndEventWonBack");
		this.clock.advance(STEP.multipliedBy(4));
		assertThat(mailTo(customer, JOURNEY)).hasSize(emails);
		assertThat(sunset(customer)).isFalse();
		assertThat(this.conversions.forCustomer(customer)).singleElement().satisfies((conversion) -> {
			assertThat(conversion.journeyKey()).isEqualTo(JOURNEY);
			assertThat(conversion.revenue()).isEqualByComparingTo("80.0");
			assertThat(conversion.lastTemplateId()).isEqualTo(lastTemplate);
		});
	}

	@Test
	void aSunsetCustomerGetsNoMarketingFromAnyJourneyButStillTransactionalMessages() throws Exception {
		String customer = sunsetCustomer();
		event(TestEvents.checkoutStarted(customer).withProduct("Oolong tea", 1, 12.0));

		probe(customer, "marketing");
		probe(customer, "transactional");

		assertThat(probeSteps(customer))
			.extracting(MessageLog.Entry::activityId, MessageLog.Entry::status, MessageLog.Entry::reason)
			.containsExactlyInAnyOrder(tuple("SendTaskProbe", "suppressed", "sunset"),
					tuple("SendTaskProbe", "sent", null), tuple("SendTaskFollowUpEmail", "suppressed", "sunset"),
					tuple("SendTaskFollowUpEmail", "suppressed", "sunset"));
		assertThat(subjects(customer)).singleElement().asString().contains("cart");
	}

	@Test
	void anOrderLiftsTheSunsetAndMarketingResumes() throws Exception {
		String customer = sunsetCustomer();

		event(TestEvents.orderCompleted(customer).with("total", 30.0));
		assertThat(sunset(customer)).isFalse();
		event(TestEvents.checkoutStarted(customer).withProduct("Oolong tea", 1, 12.0));
		probe(customer, "marketing");

		assertThat(probeSteps(customer)).extracting(MessageLog.Entry::status).containsOnly("sent").hasSize(2);
	}

	@Test
	void aSunsetCustomerDoesNotEnterTheJourney() throws Exception {
		String customer = customer();
		event(TestEvents.orderCompleted(customer));
		this.profiles.sunset(customer, this.clock.now());

		lapse();

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
	}

	/** Ordered once at the start, then found lapsed by the churn scan 121 days later. */
	private String lapsedCustomer() throws Exception {
		String customer = customer();
		event(TestEvents.orderCompleted(customer).with("total", 40.0));
		lapse();
		return customer;
	}

	private void lapse() {
		// The order's post-purchase mail (thanks, review request) is over by then.
		weeks(3);
		this.clock.setTo(START.plus(Duration.ofDays(121)));
		this.churnScan.scan();
		this.clock.runDueJobs();
	}

	/**
	 * Moves the clock a week at a time: a timer is set from the moment its wait starts.
	 */
	private void weeks(int weeks) {
		for (int i = 0; i < weeks; i++) {
			this.clock.advance(Duration.ofDays(7));
		}
	}

	private String sunsetCustomer() throws Exception {
		String customer = lapsedCustomer();
		weeks(6);
		assertThat(endEvents(customer)).containsExactly("EndEventSunset");
		this.smtp.purgeEmailFromAllMailboxes();
		return customer;
	}

	/**
	 * The guardrail probe: a {@code messageType} email, then a marketing follow-up email.
	 */
	private void probe(String customer, String messageType) {
		this.runtime.startProcessInstanceByKey("GuardrailProbe", customer,
				Map.of("probeChannel", "email", "probeType", messageType));
		this.clock.runDueJobs();
	}

	private List<MessageLog.Entry> probeSteps(String customer) {
		return steps(customer, "GuardrailProbe");
	}

	private boolean sunset(String customer) throws Exception {
		String json = this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.sunset").isBoolean())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.contains("\"sunset\":true");
	}

	private List<String> endEvents(String customer) {
		return endEvents(JOURNEY, customer);
	}

}
