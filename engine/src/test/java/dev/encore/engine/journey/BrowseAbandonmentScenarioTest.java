package dev.encore.engine.journey;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browse-abandonment journey (journeys/browse-abandonment.bpmn), every path: the
 * email an hour after a view with nothing added, the exits on Product Added, Checkout
 * Started and Order Completed, one email however many views, re-entry after a week,
 * customers left to the cart journey.
 */
class BrowseAbandonmentScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "BrowseAbandonment";

	@Test
	void aViewWithNothingAddedWithinAnHourBringsOneEmailWithTheProduct() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("GatewaySessionOutcome");

		this.clock.advance(Duration.ofMinutes(59));
		assertThat(mailTo(customer)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(subjects(customer)).containsExactly("Ada, still thinking about Linen shirt?");
		assertThat(body(mailTo(customer).get(0))).contains("Linen shirt")
			.contains("USD 49.0")
			.contains("https://shop.example.com/p/linen-shirt")
			.contains("https://cdn.example.com/linen-shirt.jpg");
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminderSent");
	}

	@Test
	void addingToTheCartWithinTheWindowEndsItWithoutAMessage() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		this.clock.advance(Duration.ofMinutes(20));

		event(TestEvents.track("Product Added", customer).with("product_id", "p-1").with("name", "Linen shirt"));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventAddedToCart");
		this.clock.advance(Duration.ofDays(1));
		assertThat(steps(customer, JOURNEY)).isEmpty();
	}

	@Test
	void checkingOutWithinTheWindowHandsTheCustomerToTheCartJourney() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		this.clock.advance(Duration.ofMinutes(20));

		event(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventCheckingOut");
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(steps(customer, JOURNEY)).isEmpty();
	}

	@Test
	void anOrderWithinTheWindowEndsItWithoutAMessageAndCountsAsItsConversion() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		this.clock.advance(Duration.ofMinutes(20));

		event(TestEvents.orderCompleted(customer).with("total", 49.0));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventConverted");
		this.clock.advance(Duration.ofDays(1));
		assertThat(steps(customer, JOURNEY)).isEmpty();
		assertThat(this.conversions.forCustomer(customer)).singleElement().satisfies((conversion) -> {
			assertThat(conversion.journeyKey()).isEqualTo(JOURNEY);
			assertThat(conversion.lastTemplateId()).isNull();
		});
	}

	@Test
	void moreViewsWhileWaitingStillBringOneEmailAboutTheFirstProduct() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		this.clock.advance(Duration.ofMinutes(30));
		view(customer, "Wool socks");

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		this.clock.advance(Duration.ofHours(2));
		assertThat(subjects(customer)).containsExactly("Ada, still thinking about Linen shirt?");
	}

	@Test
	void aCustomerEntersAgainOnlyAWeekAfterTheLastEntry() throws Exception {
		String customer = customer();
		view(customer, "Linen shirt");
		this.clock.advance(Duration.ofHours(1));
		assertThat(mailTo(customer)).hasSize(1);

		this.clock.advance(Duration.ofDays(3));
		view(customer, "Wool socks");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();

		this.clock.advance(Duration.ofDays(4).minusHours(1));
		view(customer, "Wool socks");
		this.clock.advance(Duration.ofHours(1));
		assertThat(subjects(customer)).containsExactly("Ada, still thinking about Linen shirt?",
				"Ada, still thinking about Wool socks?");
	}

	@Test
	void aCustomerWithAnAbandonedCartIsLeftToTheCartJourney() throws Exception {
		String customer = customer();
		event(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));

		view(customer, "Wool socks");

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(subjects(customer)).containsExactly("Ada, your cart is waiting");
	}

	@Test
	void aViewWithoutAProductNameStartsNothing() throws Exception {
		String customer = customer();

		event(TestEvents.track("Product Viewed", customer).with("product_id", "p-1"));

		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void aVisitorWithoutAnEmailAddressStartsNothing() throws Exception {
		String visitor = newCustomerId();

		view(visitor, "Linen shirt");
		assertThat(activeJourneys(visitor, JOURNEY)).as("nobody to remind").isZero();

		identified(visitor);
		view(visitor, "Linen shirt");
		assertThat(activeJourneys(visitor, JOURNEY)).isOne();
	}

	@Test
	void theCustomersLocalePicksTheLanguage() throws Exception {
		String customer = customer("locale", "zh-TW");
		view(customer, "烏龍茶");

		this.clock.advance(Duration.ofHours(1));

		assertThat(subjects(customer)).containsExactly("Ada，還在考慮烏龍茶嗎？");
	}

	private void view(String customer, String product) throws Exception {
		String slug = product.toLowerCase().replace(' ', '-');
		event(TestEvents.track("Product Viewed", customer)
			.with("product_id", "p-" + slug)
			.with("name", product)
			.with("price", 49.0)
			.with("currency", "USD")
			.with("url", "https://shop.example.com/p/" + slug)
			.with("image_url", "https://cdn.example.com/" + slug + ".jpg"));
	}

}
