package dev.encore.engine.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Interest tags from what customers view and buy, worked out by hand; and journeys'
 * expressions (entry filter and gateway) reading {@code profile.loyalty} and
 * {@code profile.interests}, maps and lists, through the sandbox. Category names are
 * fresh per test: the shop's price ranges are shared by every customer.
 */
class InterestsTest extends EncoreIntegrationTest {

	private final String shoes = "shoes-" + UUID.randomUUID().toString().substring(0, 8);

	private final String bags = "bags-" + UUID.randomUUID().toString().substring(0, 8);

	private final String hats = "hats-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void removeProbe() {
		deleteDeployments("loyalty-branching");
	}

	@Test
	void topCategoriesPriceSensitivityAndPromotionResponsivenessByHand() throws Exception {
		shopPrices();
		String customer = newCustomerId();
		viewed(customer, this.shoes, 100);
		viewed(customer, this.shoes, 100);
		viewed(customer, this.hats, 30);
		order(customer, "o-1", "WELCOME", Map.of(this.shoes, 100), Map.of(this.bags, 60));
		order(customer, "o-2", null, Map.of(this.shoes, 90));

		// Shoes 2 views + 2 bought x 3 = 8, bags 3, hats 1. Shoes range 50..250: 100 at
		// 0.25, 90 at 0.2; bags 40..200: 60 at 0.125. Mean of the three 0.19.., so 0.81.
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.interests.topCategories", contains(this.shoes, this.bags, this.hats)))
			.andExpect(jsonPath("$.interests.pricePositions['" + this.shoes + "']").value(0.23))
			.andExpect(jsonPath("$.interests.pricePositions['" + this.bags + "']").value(0.13))
			.andExpect(jsonPath("$.interests.priceSensitivity").value(0.81))
			.andExpect(jsonPath("$.interests.priceSensitivityLabel").value("high"))
			.andExpect(jsonPath("$.interests.promotionResponsiveness").value(0.5))
			.andExpect(jsonPath("$.interests.promotionResponsivenessLabel").value("high"));

		// o-2 refunded in full: its shoes no longer count. 100 at 0.25 and 60 at 0.125.
		send(TestEvents.track("Order Refunded", customer).with("order_id", "o-2")).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.interests.topCategories", contains(this.shoes, this.bags, this.hats)))
			.andExpect(jsonPath("$.interests.pricePositions['" + this.shoes + "']").value(0.25))
			.andExpect(jsonPath("$.interests.priceSensitivity").value(0.81))
			.andExpect(jsonPath("$.interests.promotionResponsiveness").value(1.0));
	}

	@Test
	void aCustomerWhoOnlyBrowsesHasCategoriesButNoFiguresYet() throws Exception {
		String customer = newCustomerId();
		viewed(customer, this.hats, 30);

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.interests.topCategories", contains(this.hats)))
			.andExpect(jsonPath("$.interests.priceSensitivity").doesNotExist())
			.andExpect(jsonPath("$.interests.promotionResponsiveness").doesNotExist());
	}

	@Test
	void entryFiltersAndGatewaysReadLoyaltyAndInterestsMapsAndLists() throws Exception {
		deployProbe();
		shopPrices();
		String bargainHunter = newCustomerId();
		viewed(bargainHunter, this.shoes, 60);
		// 120 at once: silver, 144 points; shoes at 60 sit low in 50..250.
		order(bargainHunter, "o-1", null, Map.of(this.shoes, 60), Map.of(this.hats, 60));
		String other = newCustomerId();
		viewed(other, this.bags, 190);
		viewed(other, this.bags, 190);
		order(other, "o-1", null, Map.of(this.bags, 190));
		String member = newCustomerId();
		order(member, "o-1", null, Map.of(this.shoes, 60));

		assertThat(probeEnds(bargainHunter)).containsExactly("EndEventBargainHunterOfFavourite");
		assertThat(probeEnds(other)).containsExactly("EndEventOther");
		assertThat(probeEnds(member)).as("a member is not let in by the entry filter").isEmpty();
	}

	/** Other customers' views make the shop's ranges: shoes 50..250, bags 40..200. */
	private void shopPrices() throws Exception {
		String shopper = newCustomerId();
		viewed(shopper, this.shoes, 50);
		viewed(shopper, this.shoes, 250);
		viewed(shopper, this.bags, 40);
		viewed(shopper, this.bags, 200);
	}

	private void viewed(String customer, String category, double price) throws Exception {
		send(TestEvents.track("Product Viewed", customer).with("category", category).with("price", price))
			.andExpect(status().isAccepted());
	}

	@SafeVarargs
	private void order(String customer, String orderId, String coupon, Map<String, Integer>... products)
			throws Exception {
		TestEvents order = TestEvents.track("Order Completed", customer).with("order_id", orderId);
		if (coupon != null) {
			order.with("coupon", coupon);
		}
		order.with("products",
				List.of(products)
					.stream()
					.map((product) -> Map.Entry.copyOf(product.entrySet().iterator().next()))
					.map((product) -> Map.of("category", product.getKey(), "price", product.getValue(), "quantity", 1))
					.toList());
		send(order).andExpect(status().isAccepted());
	}

	private void deployProbe() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/loyalty/LoyaltyBranching.bpmn")) {
			String bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("FAVOURITE", this.shoes);
			this.repository.createDeployment()
				.name("loyalty-branching")
				.addString("LoyaltyBranching.bpmn", bpmn)
				.deploy();
		}
	}

	private List<String> probeEnds(String customer) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("LoyaltyBranching")
			.processInstanceBusinessKey(customer)
			.list()
			.stream()
			.flatMap((instance) -> this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.activityType("noneEndEvent")
				.list()
				.stream())
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

}
