package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.goal.Conversions;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * VIP and referral (journeys/vip-and-referral.bpmn), every path. Customers become loyal
 * the real way, by orders through the intake (3 counted orders, see
 * encore.profile.lifecycle); mail is read at the SMTP server, and only this journey's
 * messages are counted (other journeys may answer the same orders).
 */
class VipAndReferralScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "VipAndReferral";

	private static final Pattern CODE = Pattern.compile("ADA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");

	@Test
	void theThirdOrderMakesTheCustomerLoyalAndStartsTheVipWelcomeOnce() throws Exception {
		String customer = customer();
		order(customer, "o-1");
		order(customer, "o-2");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();

		order(customer, "o-3");

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		assertThat(body(mailWithSubject(customer, "Ada, welcome to VIP"))).contains("VIP15", "free express shipping");

		order(customer, "o-4");
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.count()).isEqualTo(1);
	}

	@Test
	void theInviteCarriesThePersonalCodeAfterSevenDaysAndTheReminderFourteenDaysLater() throws Exception {
		String customer = loyalCustomer();

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite");
		String invite = body(mailWithSubject(customer, "Ada, share 15% off with your friends"));
		String code = codeIn(invite);
		this.mvc.perform(get("/api/v1/referrals/{code}", code).with(user("sam").roles("SUPPORT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").value(customer));

		this.clock.advance(Duration.ofDays(14).minusMinutes(1));
		assertThat(sentTemplates(customer)).hasSize(2);
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite", "referral-reminder");
		assertThat(codeIn(body(mailWithSubject(customer, "Ada, your friends' 15% off is still waiting"))))
			.isEqualTo(code);
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminderSent");
	}

	@Test
	void aReferralBeforeTheInviteEndsTheJourneyAndIsItsConversionCreditedToTheWelcome() throws Exception {
		String customer = loyalCustomer();
		this.clock.advance(Duration.ofDays(3));

		event(referralCompleted(customer));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReferredBeforeInvite");
		this.clock.advance(Duration.ofDays(30));
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		assertThat(vipConversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.eventName()).isEqualTo("Referral Completed");
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.holdout()).isFalse();
			assertThat(conversion.lastTemplateId()).isEqualTo("vip-welcome");
		});
	}

	@Test
	void aReferralAfterTheInviteEndsTheJourneyWithoutTheReminderAndIsCreditedToTheInvite() throws Exception {
		String customer = loyalCustomer();
		this.clock.advance(Duration.ofDays(10));
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite");

		event(referralCompleted(customer));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReferredBeforeReminder");
		this.clock.advance(Duration.ofDays(30));
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite");
		assertThat(vipConversion(customer)).satisfies((conversion) -> {
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.lastTemplateId()).isEqualTo("referral-invite");
		});
	}

	@Test
	void aReferralWhileTheWelcomeWaitsToBeSentStillSparesTheInvite() throws Exception {
		String customer = customer();
		order(customer, "o-1");
		order(customer, "o-2");
		// The third order enters the journey; its welcome is a queued job, not sent yet,
		// so nothing of the journey listens for the referral that comes now.
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-3").with("total", 60.0))
			.andExpect(status().isAccepted());
		send(referralCompleted(customer)).andExpect(status().isAccepted());
		this.clock.runDueJobs();
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");

		this.clock.advance(Duration.ofDays(30));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventAdvocateBeforeInvite");
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
	}

	@Test
	void customersWhoAreNotLoyalAreNotEnteredWhateverTheirStageChange() throws Exception {
		String repeat = customer();
		order(repeat, "o-1");
		order(repeat, "o-2");
		String advocate = customer();
		order(advocate, "o-1");
		event(referralCompleted(advocate));

		this.clock.advance(Duration.ofDays(30));

		for (String customer : List.of(repeat, advocate)) {
			assertThat(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(JOURNEY)
				.processInstanceBusinessKey(customer)
				.count()).isZero();
			assertThat(sentTemplates(customer)).isEmpty();
		}
	}

	@Test
	void becomingLoyalAgainAfterARefundNeverStartsASecondJourney() throws Exception {
		String customer = loyalCustomer();
		this.clock.advance(Duration.ofDays(7));
		this.clock.advance(Duration.ofDays(14));
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminderSent");

		event(TestEvents.track("Order Refunded", customer).with("order_id", "o-3"));
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.lifecycleStage").value("repeat"));
		order(customer, "o-4");
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.lifecycleStage").value("loyal"));

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite", "referral-reminder");
	}

	private String loyalCustomer() throws Exception {
		String customer = customer();
		order(customer, "o-1");
		order(customer, "o-2");
		order(customer, "o-3");
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		return customer;
	}

	private void order(String customer, String orderId) throws Exception {
		event(TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", 60.0));
	}

	private static TestEvents referralCompleted(String advocate) {
		return TestEvents.track("Referral Completed", advocate).with("referred_customer_id", newCustomerId());
	}

	/** Templates this journey sent the customer, oldest first. */
	private List<String> sentTemplates(String customer) {
		return steps(customer, JOURNEY).stream()
			.filter((step) -> step.status().equals("sent"))
			.map(MessageLog.Entry::templateId)
			.toList();
	}

	private MimeMessage mailWithSubject(String customer, String subject) throws MessagingException {
		for (MimeMessage message : mailTo(customer)) {
			if (subject.equals(message.getSubject())) {
				return message;
			}
		}
		throw new AssertionError("No mail '" + subject + "' to " + customer + " among " + subjects(customer));
	}

	private static String codeIn(String body) {
		Matcher matcher = CODE.matcher(body);
		assertThat(matcher.find()).as("a personal referral code in %s", body).isTrue();
		return matcher.group();
	}

	private Conversions.Conversion vipConversion(String customer) {
		return this.conversions.forCustomer(customer)
			.stream()
			.filter((conversion) -> conversion.journeyKey().equals(JOURNEY))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No conversion of " + JOURNEY));
	}

}
