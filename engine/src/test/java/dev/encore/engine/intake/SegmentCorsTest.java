package dev.encore.engine.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Segment API answers browsers of the shop's own origins (the test profile lists
 * {@code https://shop.example.com}) and no others; storefront servers send no Origin.
 */
class SegmentCorsTest extends RedisIntegrationTest {

	private static final String SHOP = "https://shop.example.com";

	private static final String STRANGER = "https://evil.example.net";

	@Autowired
	EventHistory events;

	private ResultActions preflight(String path, String origin) throws Exception {
		return this.mvc.perform(options(path).header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type"));
	}

	private ResultActions track(String customer, String origin) throws Exception {
		var request = post("/v1/t").contentType(MediaType.TEXT_PLAIN).content("""
				{"type": "track", "event": "Product Viewed", "userId": "%s", "messageId": "%s", "writeKey": "%s"}
				""".formatted(customer, UUID.randomUUID(), SegmentFixtures.WRITE_KEY));
		if (origin != null) {
			request.header(HttpHeaders.ORIGIN, origin);
		}
		return this.mvc.perform(request);
	}

	@Test
	void preflightFromTheShopIsAnswered() throws Exception {
		preflight("/v1/t", SHOP).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization, content-type"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "7200"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@Test
	void preflightFromAnotherOriginIs403WithoutCorsHeaders() throws Exception {
		preflight("/v1/t", STRANGER).andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Origin not allowed"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS));
		// A look-alike of the shop's origin is another origin.
		preflight("/v1/b", "http://shop.example.com").andExpect(status().isForbidden());
		preflight("/v1/b", "https://shop.example.com.evil.example.net").andExpect(status().isForbidden());
	}

	@Test
	void callsFromTheShopAreAppliedWithCorsHeadersWithoutSessionOrCsrf() throws Exception {
		String customer = newCustomerId();
		track(customer, SHOP).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
		// Errors too, so analytics.js can read them.
		this.mvc.perform(post("/v1/t").header(HttpHeaders.ORIGIN, SHOP).contentType(MediaType.TEXT_PLAIN).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP));
		assertThat(this.events.forCustomer(customer)).hasSize(1);
	}

	/**
	 * A text/plain POST needs no preflight: another site's page could send it with a
	 * write key read from the shop's page. Refused before it is read.
	 */
	@Test
	void callsFromAnotherOriginAreRefusedAndStoreNothing() throws Exception {
		String customer = newCustomerId();
		track(customer, STRANGER).andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
		track(customer, "null").andExpect(status().isForbidden());
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void serverLibrariesSendNoOriginAndPass() throws Exception {
		String customer = newCustomerId();
		track(customer, null).andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
		assertThat(this.events.forCustomer(customer)).hasSize(1);
	}

	@Test
	void encoresOwnEventApiOffersNoCors() throws Exception {
		preflight("/api/v1/events", SHOP).andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
	}

}
