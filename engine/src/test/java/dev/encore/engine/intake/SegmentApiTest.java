package dev.encore.engine.intake;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Segment HTTP Tracking API payloads, as the spec shows them, with write keys. */
class SegmentApiTest extends RedisIntegrationTest {

	@Autowired
	EventHistory events;

	@Autowired
	ProfileStore profiles;

	private ResultActions segment(String path, String body, String writeKey) throws Exception {
		var request = post("/v1/" + path).contentType(MediaType.APPLICATION_JSON).content(body);
		if (writeKey != null) {
			request.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(writeKey));
		}
		return this.mvc.perform(request);
	}

	private static String anonymousCheckout(String anonymousId) {
		return """
				{"type": "track", "anonymousId": "%s", "event": "Checkout Started",
				 "messageId": "%s", "timestamp": "2026-11-23T09:00:00Z",
				 "context": {"library": {"name": "analytics.js"}},
				 "properties": {"checkout_id": "co-1", "currency": "USD",
				   "products": [{"product_id": "p-1", "name": "Linen shirt", "quantity": 1, "price": 49.0}]}}
				""".formatted(anonymousId, UUID.randomUUID());
	}

	private static String identify(String userId, String anonymousId, String messageId) {
		return """
				{"userId": "%s", "anonymousId": "%s", "messageId": "%s",
				 "traits": {"email": "%s@example.org", "firstName": "Ada"}}
				""".formatted(userId, anonymousId, messageId, userId);
	}

	@Test
	void trackFixtureIsAcceptedAndRecorded() throws Exception {
		String customer = newCustomerId();
		segment("track", SegmentFixtures.load("track", Map.of("019mr8mf4r", customer)), SegmentFixtures.WRITE_KEY)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true));
		assertThat(this.events.forCustomer(customer)).singleElement().satisfies((event) -> {
			assertThat(event.name()).isEqualTo("Item Purchased");
			assertThat(event.source()).isEqualTo("segment");
			assertThat(event.properties()).containsEntry("revenue", 14.99);
		});
	}

	@Test
	void identifyFixtureUpdatesTheProfile() throws Exception {
		String customer = newCustomerId();
		segment("identify", SegmentFixtures.load("identify", Map.of("019mr8mf4r", customer)), "second-write-key")
			.andExpect(status().isOk());
		assertThat(this.profiles.find(customer))
			.hasValueSatisfying((profile) -> assertThat(profile.email()).isEqualTo("pgibbons@example.com"));
	}

	@Test
	void aVisitorIdWithAControlCharacterIsRefusedBeforeAnythingIsApplied() throws Exception {
		String customer = newCustomerId();
		segment("identify",
				"{\"userId\": \"" + customer + "\", \"anonymousId\": \"\\u0000\", \"traits\": "
						+ "{\"email\": \"ada@example.org\"}}",
				SegmentFixtures.WRITE_KEY)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("anonymousId"));
		assertThat(this.profiles.find(customer)).isEmpty();
	}

	@Test
	void aliasFixtureIsAccepted() throws Exception {
		String customer = newCustomerId();
		segment("alias", SegmentFixtures.load("alias", Map.of("019mr8mf4r", customer)), SegmentFixtures.WRITE_KEY)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true));
	}

	@Test
	void batchFixtureWithMixedTypesAppliesEachCall() throws Exception {
		String first = newCustomerId();
		String second = newCustomerId();
		String anonymous = UUID.randomUUID().toString();
		String body = SegmentFixtures.load("batch",
				Map.of("019mr8mf4r", first, "971mj8mk7p", second, "507f191e810c19729de860eb", anonymous));
		segment("batch", body, SegmentFixtures.WRITE_KEY).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[3].status").value("accepted"))
			.andExpect(jsonPath("$.results[4].status").value("accepted"));
		assertThat(this.events.forCustomer(first)).extracting(EventHistory.RecordedEvent::type)
			.containsExactly("identify", "track");
		// (Encore's own events, a first loyalty tier, come in between.)
		assertThat(this.events.forCustomer(second)).filteredOn((event) -> !"encore".equals(event.source()))
			.extracting(EventHistory.RecordedEvent::name)
			.containsExactly(null, "Site Visited");
		assertThat(this.events.forCustomer("anonymous:" + anonymous)).extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Product Viewed");

		segment("batch", body, SegmentFixtures.WRITE_KEY).andExpect(jsonPath("$.results[0].status").value("duplicate"));
		assertThat(this.events.forCustomer(first)).hasSize(2);
	}

	@Test
	void missingOrUnknownWriteKeyIs401AndStoresNothing() throws Exception {
		String customer = newCustomerId();
		String body = SegmentFixtures.load("track", Map.of("019mr8mf4r", customer));
		segment("track", body, null).andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Encore\""));
		segment("track", body, "not-a-key").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The write key is not valid"));
		segment("batch", "{\"batch\": [" + body + "]}", "not-a-key").andExpect(status().isUnauthorized());
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void callWithoutAnyUserIdIs400NamingTheField() throws Exception {
		segment("track", "{\"event\": \"Site Visited\", \"messageId\": \"" + UUID.randomUUID() + "\"}",
				SegmentFixtures.WRITE_KEY)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("userId"));
	}

	@Test
	void cartStartedAnonymouslyRemindsTheCustomerWhoLoggedIn() throws Exception {
		String anonymousId = UUID.randomUUID().toString();
		String customer = newCustomerId();
		segment("track", anonymousCheckout(anonymousId), SegmentFixtures.WRITE_KEY).andExpect(status().isOk());
		assertThat(activeJourneys("anonymous:" + anonymousId, "AbandonedCart")).isEqualTo(1);

		String identifyId = UUID.randomUUID().toString();
		segment("identify", identify(customer, anonymousId, identifyId), SegmentFixtures.WRITE_KEY)
			.andExpect(status().isOk());
		segment("identify", identify(customer, anonymousId, identifyId), SegmentFixtures.WRITE_KEY)
			.andExpect(jsonPath("$.status").value("duplicate"));

		assertThat(activeJourneys("anonymous:" + anonymousId, "AbandonedCart")).isZero();
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
		assertThat(this.events.forCustomer(customer)).extracting(EventHistory.RecordedEvent::name)
			.containsExactly(null, "Checkout Started");

		this.clock.advance(Duration.ofHours(1));
		assertThat(this.smtp.getReceivedMessages()).filteredOn((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(customer + "@example.org");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).singleElement().satisfies((message) -> assertThat(message.getSubject()).contains("cart"));
	}

	@Test
	void aliasMergesTheAnonymousCartAndLaterAnonymousEventsBelongToTheCustomer() throws Exception {
		String anonymousId = UUID.randomUUID().toString();
		String customer = newCustomerId();
		segment("track", anonymousCheckout(anonymousId), SegmentFixtures.WRITE_KEY).andExpect(status().isOk());
		String alias = """
				{"previousId": "%s", "userId": "%s", "messageId": "%s"}""".formatted(anonymousId, customer,
				UUID.randomUUID());
		segment("alias", alias, SegmentFixtures.WRITE_KEY).andExpect(status().isOk());
		segment("alias", alias, SegmentFixtures.WRITE_KEY).andExpect(status().isOk());

		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
		assertThat(this.profiles.find(customer).orElseThrow().cart()).containsEntry("checkout_id", "co-1");
		assertThat(this.profiles.find("anonymous:" + anonymousId).orElseThrow().cart()).isEmpty();

		segment("track", """
				{"anonymousId": "%s", "event": "Product Viewed", "messageId": "%s"}""".formatted(anonymousId,
				UUID.randomUUID()), SegmentFixtures.WRITE_KEY)
			.andExpect(status().isOk());
		assertThat(this.events.forCustomer(customer)).extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Checkout Started", "Product Viewed");
	}

}
