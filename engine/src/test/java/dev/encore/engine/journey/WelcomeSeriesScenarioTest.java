package dev.encore.engine.journey;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The welcome series (journeys/welcome-series.bpmn), every path, mail read at the SMTP
 * server.
 */
class WelcomeSeriesScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "WelcomeSeries";

	@Test
	void aProspectIsWelcomedAtOnceAndGetsTheOfferAfterThreeDaysWithoutAnOrder() throws Exception {
		String customer = prospect(null);
		signUp(customer);

		assertThat(subjects(customer)).containsExactly("Welcome, Ada");
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);

		this.clock.advance(Duration.ofDays(3).minusMinutes(1));
		assertThat(subjects(customer)).hasSize(1);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(subjects(customer)).containsExactly("Welcome, Ada", "Ada, a welcome gift for your first order");
		assertThat(body(mailTo(customer).get(1))).contains("WELCOME10");
		assertThat(endEvents(customer)).containsExactly("EndEventOfferSent");
	}

	@Test
	void anOrderDuringTheWaitEndsTheSeriesWithoutTheOfferAndCountsAsItsConversion() throws Exception {
		String customer = prospect(null);
		signUp(customer);
		this.clock.advance(Duration.ofDays(1));

		send(TestEvents.orderCompleted(customer).with("total", 64.0).with("currency", "USD"))
			.andExpect(status().isAccepted());

		assertThat(endEvents(customer)).containsExactly("EndEventConverted");
		this.clock.advance(Duration.ofDays(5));
		// The order's own thank-you comes from the post-purchase journey.
		assertThat(subjects(customer, JOURNEY)).containsExactly("Welcome, Ada");
		assertThat(this.conversions.forCustomer(customer)).singleElement().satisfies((conversion) -> {
			assertThat(conversion.journeyKey()).isEqualTo(JOURNEY);
			assertThat(conversion.revenue()).isEqualByComparingTo("64.0");
			assertThat(conversion.lastTemplateId()).isEqualTo("welcome");
		});
	}

	@Test
	void aCustomerWhoHasAlreadyBoughtIsNotEntered() throws Exception {
		String customer = prospect(null);
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());

		signUp(customer);

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		this.clock.advance(Duration.ofDays(4));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
	}

	@Test
	void signingUpAgainNeverStartsASecondSeries() throws Exception {
		String customer = prospect(null);
		signUp(customer);
		this.clock.advance(Duration.ofDays(4));
		assertThat(endEvents(customer)).containsExactly("EndEventOfferSent");

		signUp(customer);

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(mailTo(customer)).hasSize(2);
	}

	@Test
	void theCustomersLocalePicksTheLanguage() throws Exception {
		String customer = prospect("zh-TW");
		signUp(customer);

		assertThat(subjects(customer)).containsExactly("Ada，歡迎加入！");
	}

	@Test
	void aNewsletterVisitorGetsTheAppExclusiveOfferInsteadOfTheDiscount() throws Exception {
		String customer = prospect(null);
		visit(customer, "https://shop.example.com/?utm_source=weekly&utm_medium=email&utm_campaign=nov", null);
		signUp(customer);

		this.clock.advance(Duration.ofDays(3));

		assertThat(subjects(customer)).containsExactly("Welcome, Ada", "Ada, an offer only in our app");
		assertThat(body(mailTo(customer).get(1))).contains("APPONLY15", "https://shop.example.com/app")
			.doesNotContain("WELCOME10");
		assertThat(endEvents(customer)).containsExactly("EndEventAppOfferSent");
		assertThat(steps(customer, JOURNEY)).extracting((step) -> step.templateId())
			.containsExactly("welcome", "app-exclusive-offer");
	}

	@Test
	void aVisitorFromTheNewsletterSourceGetsTheAppOfferInTheirLanguage() throws Exception {
		String customer = prospect("zh-TW");
		visit(customer, "https://shop.example.com/?utm_source=Newsletter", "https://www.google.com/");
		signUp(customer);

		this.clock.advance(Duration.ofDays(3));

		assertThat(subjects(customer)).containsExactly("Ada，歡迎加入！", "Ada，App 專屬優惠");
		assertThat(endEvents(customer)).containsExactly("EndEventAppOfferSent");
	}

	@Test
	void aFirstTimeVisitorFromSearchGetsTheFirstPurchaseDiscount() throws Exception {
		String customer = prospect(null);
		visit(customer, "https://shop.example.com/linen", "https://www.google.com/search?q=linen");
		signUp(customer);

		this.clock.advance(Duration.ofDays(3));

		assertThat(subjects(customer)).containsExactly("Welcome, Ada", "Ada, a welcome gift for your first order");
		assertThat(body(mailTo(customer).get(1))).contains("WELCOME10").doesNotContain("APPONLY15");
		assertThat(endEvents(customer)).containsExactly("EndEventOfferSent");
	}

	private String prospect(String locale) throws Exception {
		return locale == null ? customer() : customer("locale", locale);
	}

	/** A page view as analytics.js reports it (Segment's context.page). */
	private void visit(String customer, String url, String referrer) throws Exception {
		Map<String, Object> page = new HashMap<>();
		page.put("url", url);
		page.put("referrer", referrer);
		event(TestEvents.track("Site Visited", customer).withContext("page", page));
	}

	private void signUp(String customer) throws Exception {
		event(TestEvents.track("Signed Up", customer));
	}

	private List<String> endEvents(String customer) {
		return endEvents(JOURNEY, customer);
	}

}
