package dev.encore.engine.journey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.encore.engine.goal.Conversions;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replenishment reminder (journeys/replenishment.bpmn), every path, mail read at the
 * SMTP server. Other journeys follow the same orders (the post-purchase thank-you, the
 * second-purchase nudge); only this journey's mail ("time to restock?") is looked at.
 */
class ReplenishmentScenarioTest extends JourneyScenarioTest {

	private static final String JOURNEY = "Replenishment";

	private static final Map<String, Object> BEANS = Map.of("sku", "COF-1", "name", "Coffee beans", "quantity", 2,
			"price", 12.0, "usage_days", 15);

	private static final Map<String, Object> FILTERS = Map.of("sku", "FIL 9/A", "name", "Paper filters", "quantity", 1,
			"price", 4.0, "usage_period", "P30D");

	private static final Map<String, Object> SOAP = Map.of("product_id", "p-soap", "name", "Olive soap", "quantity", 3,
			"price", 6.0, "usage_days", 20);

	private static final Map<String, Object> MUG = Map.of("sku", "MUG-1", "name", "Mug", "quantity", 1, "price", 9.0);

	@Test
	void remindsReminderLeadBeforeTheRunOutWithAOneClickReorderLink() throws Exception {
		String customer = customer();
		event(order(customer, BEANS, MUG));
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);

		this.clock.advance(Duration.ofDays(25).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).singleElement().satisfies((mail) -> {
			assertThat(mail.getSubject()).isEqualTo("Ada, time to restock?");
			assertThat(html(mail)).contains("Coffee beans × 2")
				.contains("href=\"https://shop.example.com/reorder?items=COF-1:2\"")
				.doesNotContain("MUG-1");
		});
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventReminded", "EndEventRemindersDone");
	}

	@Test
	void productsRunningOutTogetherShareAReminderAndLaterOnesGetTheirOwn() throws Exception {
		String customer = customer();
		event(order(customer, BEANS, FILTERS, SOAP));

		this.clock.advance(Duration.ofDays(25));
		assertThat(mailTo(customer, JOURNEY)).singleElement()
			.satisfies((mail) -> assertThat(html(mail)).contains("Coffee beans × 2, Paper filters × 1")
				.contains("reorder?items=COF-1:2,FIL+9%2FA:1"));
		assertThat(waitingAt(JOURNEY, customer)).containsExactly("EventGatewayReminderOrRebuy");

		this.clock.advance(Duration.ofDays(30));
		assertThat(mailTo(customer, JOURNEY)).hasSize(2);
		assertThat(html(mailTo(customer, JOURNEY).get(1))).contains("Olive soap × 3")
			.contains("reorder?items=p-soap:3");
		assertThat(steps(customer, JOURNEY)).extracting((step) -> step.templateId())
			.containsExactly("replenishment-reminder", "replenishment-reminder");
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void buyingTheProductAgainBeforeTheReminderEndsItQuietlyAndTheNewOrderCountsFromItsOwnDate() throws Exception {
		String customer = customer();
		event(order(customer, BEANS));
		this.clock.advance(Duration.ofDays(10));

		event(order(customer, BEANS));

		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventRebought", "EndEventRemindersDone");
		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		this.clock.advance(Duration.ofDays(25).minusMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
		assertThat(conversions(customer)).first().satisfies((conversion) -> {
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.lastTemplateId()).isNull();
		});
	}

	@Test
	void buyingSomeOfTheProductsAgainLeavesOnlyTheRestInTheReminder() throws Exception {
		String customer = customer();
		event(order(customer, BEANS, FILTERS));
		this.clock.advance(Duration.ofDays(10));

		event(order(customer, FILTERS));

		this.clock.advance(Duration.ofDays(15));
		assertThat(mailTo(customer, JOURNEY)).singleElement()
			.satisfies((mail) -> assertThat(html(mail)).contains("Coffee beans × 2")
				.contains("reorder?items=COF-1:2\"")
				.doesNotContain("Paper filters"));
	}

	@Test
	void anOrderOfOtherProductsKeepsTheReminderWaiting() throws Exception {
		String customer = customer();
		event(order(customer, BEANS));
		this.clock.advance(Duration.ofDays(10));

		event(order(customer, MUG));

		assertThat(waitingAt(JOURNEY, customer)).containsExactly("EventGatewayReminderOrRebuy");
		this.clock.advance(Duration.ofDays(15));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
	}

	@Test
	void aRebuyAfterTheReminderIsItsConversionCreditedToTheReminder() throws Exception {
		String customer = customer();
		event(order(customer, SOAP));
		this.clock.advance(Duration.ofDays(55));
		assertThat(mailTo(customer, JOURNEY)).hasSize(1);

		this.clock.advance(Duration.ofDays(3));
		event(order(customer, SOAP));

		assertThat(conversions(customer)).first().satisfies((conversion) -> {
			assertThat(conversion.branch()).isNull();
			assertThat(conversion.lastTemplateId()).isEqualTo("replenishment-reminder");
			assertThat(conversion.revenue()).isEqualByComparingTo("18.0");
		});
	}

	@Test
	void theSameOrderSentTwiceStillRemindsOnce() throws Exception {
		String customer = customer();
		TestEvents first = order(customer, BEANS);
		event(first);
		event(order(customer, BEANS).with("order_id", orderIdOf(first)));

		this.clock.advance(Duration.ofDays(26));

		assertThat(mailTo(customer, JOURNEY)).hasSize(1);
	}

	@Test
	void ordersWithoutConsumablesOrTooShortLivedOnesGetNoReminder() throws Exception {
		String customer = customer();
		event(order(customer, MUG));
		assertThat(activeJourneys(customer, JOURNEY)).isZero();

		event(order(customer, Map.of("sku", "MILK", "name", "Milk", "quantity", 1, "usage_days", 3)));
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
		assertThat(endEvents(JOURNEY, customer)).containsExactly("EndEventRemindersDone");
		this.clock.advance(Duration.ofDays(10));
		assertThat(mailTo(customer, JOURNEY)).isEmpty();
	}

	@Test
	void runsBesideTheSecondPurchaseNudgeOnAFirstOrder() throws Exception {
		String customer = customer();
		event(order(customer, BEANS));

		assertThat(activeJourneys(customer, JOURNEY)).isEqualTo(1);
		assertThat(activeJourneys(customer, "SecondPurchase")).isEqualTo(1);
	}

	@Test
	void theCustomersLocalePicksTheLanguage() throws Exception {
		String customer = customer("locale", "zh-TW");
		event(order(customer, BEANS));

		this.clock.advance(Duration.ofDays(25));

		assertThat(mailTo(customer, JOURNEY)).extracting(MimeMessage::getSubject).containsExactly("Ada，該補貨了嗎？");
	}

	@SafeVarargs
	private static TestEvents order(String customer, Map<String, Object>... products) {
		double total = 0;
		for (Map<String, Object> product : products) {
			total += ((Number) product.getOrDefault("price", 1.0)).doubleValue()
					* ((Number) product.get("quantity")).doubleValue();
		}
		return TestEvents.orderCompleted(customer).with("total", total).with("products", List.of(products));
	}

	private static String orderIdOf(TestEvents order) {
		String json = order.json();
		int start = json.indexOf("\"order_id\":\"") + "\"order_id\":\"".length();
		return json.substring(start, json.indexOf('"', start));
	}

	private List<Conversions.Conversion> conversions(String customer) {
		return this.conversions.forCustomer(customer)
			.stream()
			.filter((conversion) -> conversion.journeyKey().equals(JOURNEY))
			.toList();
	}

}
