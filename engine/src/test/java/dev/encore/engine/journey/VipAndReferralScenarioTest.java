package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.goal.Conversions;
import dev.encore.engine.loyalty.LoyaltyScan;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * VIP and referral (journeys/vip-and-referral.bpmn), every path. Customers reach the vip
 * tier the real way, by orders through the intake (journeys/loyalty-tier.dmn: 5 purchase
 * days, 1,000 spent, a visit within 90 days); mail is read at the SMTP server, and only
 * this journey's messages are counted (other journeys may answer the same orders).
 */
class VipAndReferralScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "VipAndReferral";

	private static final Pattern CODE = Pattern.compile("ADA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");

	@Autowired
	private LoyaltyScan scan;

	@Test
	void theOrderOnTheFifthPurchaseDayMakesTheCustomerVipAndStartsTheVipWelcomeOnce() throws Exception {
		String customer = customer();
		ordersOnDays(customer, 4);
		assertThat(activeJourneys(customer, JOURNEY)).as("gold after four days").isZero();
		assertThat(tier(customer)).isEqualTo("gold");

		order(customer, "o-5");

		assertThat(tier(customer)).isEqualTo("vip");
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		assertThat(html(mailWithSubject(customer, "Ada, welcome to VIP"))).contains("VIP15",
				"free express shipping on every order", "48 hours before everyone else",
				"a birthday gift of 200 points every year");

		order(customer, "o-6");
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.count()).isEqualTo(1);
	}

	@Test
	void theInviteCarriesThePersonalCodeAfterSevenDaysAndTheReminderFourteenDaysLater() throws Exception {
		String customer = vipCustomer();

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
		String customer = vipCustomer();
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
		String customer = vipCustomer();
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
		ordersOnDays(customer, 4);
		// The fifth day's order enters the journey; its welcome is a queued job, not sent
		// yet, so nothing of the journey listens for the referral that comes now.
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-5").with("total", 200.0))
			.andExpect(status().isAccepted());
		send(referralCompleted(customer)).andExpect(status().isAccepted());
		this.clock.runDueJobs();
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");

		this.clock.advance(Duration.ofDays(30));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventAdvocateBeforeInvite");
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
	}

	@Test
	void customersBelowVipAreNotEnteredWhateverTheirTierOrStageChange() throws Exception {
		String gold = customer();
		ordersOnDays(gold, 4);
		String loyal = customer();
		for (int i = 1; i <= 3; i++) {
			order(loyal, "o-" + i);
		}
		String advocate = customer();
		order(advocate, "o-1");
		event(referralCompleted(advocate));

		this.clock.advance(Duration.ofDays(30));

		assertThat(tier(gold)).isEqualTo("gold");
		this.mvc.perform(get("/api/v1/customers/{id}", loyal)).andExpect(jsonPath("$.lifecycleStage").value("loyal"));
		for (String customer : List.of(gold, loyal, advocate)) {
			assertThat(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(JOURNEY)
				.processInstanceBusinessKey(customer)
				.count()).isZero();
			assertThat(sentTemplates(customer)).isEmpty();
		}
	}

	@Test
	void reachingVipAgainAfterARefundNeverStartsASecondJourney() throws Exception {
		String customer = vipCustomer();
		this.clock.advance(Duration.ofDays(7));
		this.clock.advance(Duration.ofDays(14));
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminderSent");

		event(TestEvents.track("Order Refunded", customer).with("order_id", "o-5"));
		assertThat(tier(customer)).isEqualTo("gold");
		order(customer, "o-6");
		assertThat(tier(customer)).isEqualTo("vip");

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite", "referral-reminder");
	}

	@Test
	void aVipWhoStopsVisitingFallsBackToGoldAndTheJourneyGoesOnItsWay() throws Exception {
		String customer = vipCustomer();
		this.clock.advance(Duration.ofDays(7));
		// 91 days without a visit is too long for vip (the daily loyalty scan).
		this.clock.advance(Duration.ofDays(84));
		this.scan.scan();
		this.clock.runDueJobs();

		assertThat(tier(customer)).isEqualTo("gold");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminderSent");
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome", "referral-invite", "referral-reminder");
	}

	/** A vip: 200 on each of five days, the last one just now. */
	private String vipCustomer() throws Exception {
		String customer = customer();
		ordersOnDays(customer, 4);
		order(customer, "o-5");
		assertThat(sentTemplates(customer)).containsExactly("vip-welcome");
		return customer;
	}

	/** 200 a day for as many days (o-1, o-2...), the clock a day on after each. */
	private void ordersOnDays(String customer, int days) throws Exception {
		for (int day = 1; day <= days; day++) {
			order(customer, "o-" + day);
			this.clock.advance(Duration.ofDays(1));
		}
	}

	private void order(String customer, String orderId) throws Exception {
		event(TestEvents.track("Order Completed", customer).with("order_id", orderId).with("total", 200.0));
	}

	private String tier(String customer) throws Exception {
		String body = this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.tier");
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
