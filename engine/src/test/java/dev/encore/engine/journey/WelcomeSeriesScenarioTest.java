package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;

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

	private String prospect(String locale) throws Exception {
		return locale == null ? customer() : customer("locale", locale);
	}

	private void signUp(String customer) throws Exception {
		event(TestEvents.track("Signed Up", customer));
	}

	private List<String> endEvents(String customer) {
		return endEvents(JOURNEY, customer);
	}

}
