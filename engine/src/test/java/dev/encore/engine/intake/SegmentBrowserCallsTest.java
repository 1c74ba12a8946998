package dev.encore.engine.intake;

import java.time.Instant;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Segment calls as analytics.js sends them: one-letter paths, JSON labelled text/plain,
 * the write key in the body; page and screen calls count as visits.
 */
class SegmentBrowserCallsTest extends RedisIntegrationTest {

	@Autowired
	EventHistory events;

	@Autowired
	ProfileStore profiles;

	private ResultActions plain(String path, String body) throws Exception {
		return this.mvc.perform(post("/v1/" + path).contentType(MediaType.TEXT_PLAIN).content(body));
	}

	private static String call(String customer, String writeKey, String fields) {
		return """
				{"userId": "%s", "anonymousId": "%s", "messageId": "%s", "writeKey": "%s",
				 "timestamp": "2026-11-23T09:00:00.000Z", "context": {"library": {"name": "analytics.js"}}, %s}
				""".formatted(customer, UUID.randomUUID(), UUID.randomUUID(), writeKey, fields);
	}

	@Test
	void shortPathsWithTextPlainAndTheWriteKeyInTheBodyStartTheCartJourney() throws Exception {
		String customer = newCustomerId();
		plain("i", call(customer, SegmentFixtures.WRITE_KEY, """
				"type": "identify", "traits": {"email": "%s@example.org"}""".formatted(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true));
		plain("t", call(customer, SegmentFixtures.WRITE_KEY, """
				"type": "track", "event": "Checkout Started",
				"properties": {"products": [{"name": "Linen shirt", "quantity": 1, "price": 49}]}"""))
			.andExpect(status().isOk());

		assertThat(this.profiles.find(customer).orElseThrow().email()).isEqualTo(customer + "@example.org");
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
	}

	@Test
	void shortBatchPathAppliesEachCallWithTheWriteKeyInTheBody() throws Exception {
		String customer = newCustomerId();
		String body = """
				{"writeKey": "%s", "sentAt": "2026-11-23T09:00:01.000Z", "batch": [%s, %s]}""".formatted(
				SegmentFixtures.WRITE_KEY,
				call(customer, SegmentFixtures.WRITE_KEY,
						"\"type\": \"page\", \"properties\": {\"url\": \"https://shop.example.com/\"}"),
				call(customer, SegmentFixtures.WRITE_KEY, "\"type\": \"track\", \"event\": \"Product Viewed\""));
		plain("b", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("accepted"));
		assertThat(this.events.forCustomer(customer)).filteredOn((event) -> !"encore".equals(event.source()))
			.extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Site Visited", "Product Viewed");
	}

	@Test
	void aWrongOrMissingWriteKeyInTheBodyIs401AndStoresNothing() throws Exception {
		String customer = newCustomerId();
		String track = "\"type\": \"track\", \"event\": \"Product Viewed\"";
		plain("t", call(customer, "not-a-key", track)).andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The write key is not valid"));
		plain("t", call(customer, "", track)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail")
				.value("A write key is required: the HTTP Basic user name or writeKey in the body"));
		plain("b", "{\"writeKey\": \"not-a-key\", \"batch\": [" + call(customer, "not-a-key", track) + "]}")
			.andExpect(status().isUnauthorized());
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void pageAndScreenCallsCountAsVisits() throws Exception {
		String customer = newCustomerId();
		plain("p", call(customer, SegmentFixtures.WRITE_KEY, """
				"type": "page", "name": "Linen shirt",
				"properties": {"url": "https://shop.example.com/p/linen-shirt", "title": "Linen shirt"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("accepted"));
		String screen = """
				{"userId": "%s", "messageId": "%s", "type": "screen", "name": "Cart",
				 "timestamp": "2026-11-23T10:00:00Z"}""".formatted(customer, UUID.randomUUID());
		this.mvc
			.perform(post("/v1/screen").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
				.content(screen))
			.andExpect(status().isOk());

		assertThat(this.events.forCustomer(customer)).filteredOn((event) -> !"encore".equals(event.source()))
			.extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Site Visited", "Site Visited");
		assertThat(this.events.forCustomer(customer).get(0).properties()).containsEntry("url",
				"https://shop.example.com/p/linen-shirt");
		assertThat(this.profiles.find(customer).orElseThrow().engagement().lastVisitAt())
			.isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
	}

	@Test
	void groupCallsAreAcceptedAndIgnored() throws Exception {
		String customer = newCustomerId();
		plain("g", call(customer, SegmentFixtures.WRITE_KEY, "\"type\": \"group\", \"groupId\": \"acme\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ignored"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
		assertThat(this.profiles.find(customer)).isEmpty();
	}

	/** RudderStack's Node SDK labels its (gzipped) JSON batch as a form. */
	@Test
	void jsonLabelledAsAFormIsReadAsJsonAndOtherTypesAre415() throws Exception {
		String customer = newCustomerId();
		String track = call(customer, SegmentFixtures.WRITE_KEY, "\"type\": \"track\", \"event\": \"Product Viewed\"");
		this.mvc
			.perform(post("/v1/batch").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
				.content("{\"batch\": [" + track + "]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("accepted"));
		this.mvc.perform(post("/v1/t").contentType(MediaType.APPLICATION_XML).content(track))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		// Encore's own API keeps to JSON.
		this.mvc.perform(post("/api/v1/events").contentType(MediaType.TEXT_PLAIN).content(track))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(this.events.forCustomer(customer)).hasSize(1);
	}

}
