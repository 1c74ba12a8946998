package dev.encore.engine.loyalty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/customers/{id}/loyalty} as a storefront reads it with its write key
 * and as people do with their login, and the loyalty in the profile and support's
 * timeline. The figures are worked out by hand from docs/loyalty.md.
 */
class LoyaltyApiTest extends EncoreIntegrationTest {

	@Test
	void theStorefrontReadsTierPointsExpiryPerksAndWhatTheNextTierNeeds() throws Exception {
		String customer = silverCustomer();

		this.mvc.perform(storefront(get("/api/v1/customers/{id}/loyalty", customer), "test-write-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("silver"))
			.andExpect(jsonPath("$.tierSince").value(START.toString()))
			// 180 × 1.2 on the first day, 100 × 1.2 on the second.
			.andExpect(jsonPath("$.points").value(336))
			.andExpect(jsonPath("$.pointsExpiring").value(216))
			.andExpect(jsonPath("$.pointsExpiringAt").value(START.plus(Duration.ofDays(365)).toString()))
			.andExpect(jsonPath("$.perks.freeShippingThreshold").value(100))
			.andExpect(jsonPath("$.perks.earlyAccessHours").value(0))
			.andExpect(jsonPath("$.perks.birthdayGiftPoints").value(50))
			// Gold: three purchase days and 400 spent; two days and 280 so far.
			.andExpect(jsonPath("$.nextTier").value("gold"))
			.andExpect(jsonPath("$.missing.purchaseDays").value(1))
			.andExpect(jsonPath("$.missing.netSpend").value(120.00))
			.andExpect(jsonPath("$.missing.length()").value(2));
	}

	@Test
	void peopleReadItWithTheirLoginAndNobodyElseDoes() throws Exception {
		String customer = silverCustomer();
		for (String role : new String[] { "SUPPORT", "MARKETER", "ADMIN" }) {
			this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer).with(user("sam").roles(role)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.tier").value("silver"));
		}
		this.mvc.perform(get("/api/v1/customers/{id}/loyalty", customer).with(anonymous()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(storefront(get("/api/v1/customers/{id}/loyalty", customer), "not-a-write-key"))
			.andExpect(status().isUnauthorized());
		// The write key opens the loyalty only: not the ledger, not the profile.
		this.mvc.perform(storefront(get("/api/v1/customers/{id}/points", customer), "test-write-key"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(storefront(get("/api/v1/customers/{id}", customer), "test-write-key"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anUnknownCustomerIsNotFound() throws Exception {
		this.mvc.perform(storefront(get("/api/v1/customers/{id}/loyalty", newCustomerId()), "test-write-key"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unknown customer"));
		this.mvc.perform(get("/api/v1/customers/{id}/points", newCustomerId())).andExpect(status().isNotFound());
	}

	@Test
	void theProfileCarriesLoyaltyAndInterestsAndSupportSeesEveryChangeOfPoints() throws Exception {
		String customer = silverCustomer();
		send(TestEvents.track("Points Redeemed", customer).with("points", 36).with("order_id", "o-3"))
			.andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.loyalty.tier").value("silver"))
			.andExpect(jsonPath("$.loyalty.points").value(300))
			.andExpect(jsonPath("$.loyalty.pointsExpiring").value(180))
			.andExpect(jsonPath("$.loyalty.nextTier").value("gold"))
			.andExpect(jsonPath("$.interests.promotionResponsiveness").value(0.0))
			.andExpect(jsonPath("$.interests.promotionResponsivenessLabel").value("low"))
			.andExpect(jsonPath("$.extensions").doesNotExist());
		this.mvc.perform(get("/api/v1/customers/{id}/points", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[2].reason").value("redeem"))
			.andExpect(jsonPath("$[2].delta").value(-36))
			.andExpect(jsonPath("$[2].balanceAfter").value(300))
			.andExpect(jsonPath("$[2].orderId").value("o-3"));
		this.mvc.perform(get("/api/v1/customers/{id}/timeline", customer))
			.andExpect(jsonPath("$[?(@.kind == 'points')].name", hasItem("redeem")))
			.andExpect(jsonPath("$[?(@.kind == 'points')].status", hasItem("+216")))
			.andExpect(jsonPath("$[?(@.kind == 'points')].reason", hasItem("balance 300")));
	}

	/** Silver with 280 spent over two days. */
	private String silverCustomer() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-1").with("total", 180.00))
			.andExpect(status().isAccepted());
		this.clock.setTo(START.plus(Duration.ofDays(1)));
		send(TestEvents.track("Order Completed", customer).with("order_id", "o-2").with("total", 100.00))
			.andExpect(status().isAccepted());
		return customer;
	}

	private static MockHttpServletRequestBuilder storefront(MockHttpServletRequestBuilder request, String writeKey) {
		return request.with(anonymous())
			.header(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
	}

}
