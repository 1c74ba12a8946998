package dev.encore.engine.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.Gzip;
import dev.encore.engine.testsupport.IntakeCalls;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every intake endpoint takes {@code Content-Encoding: gzip}; the inflated body meets the
 * same limits as a plain one.
 */
class GzipIntakeTest extends RedisIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventHistory events;

	private ResultActions gzipped(String path, byte[] body, String encoding, MediaType type) throws Exception {
		return this.mvc.perform(post(path).contentType(type)
			.header(HttpHeaders.CONTENT_ENCODING, encoding)
			.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY))
			.content(body));
	}

	@Test
	void everyIntakeEndpointAppliesGzippedCalls() throws Exception {
		IntakeCalls calls = IntakeCalls.forCustomer(newCustomerId());
		for (IntakeCalls.Call call : calls.calls()) {
			gzipped(call.path(), Gzip.compress(call.body()), "gzip", MediaType.APPLICATION_JSON)
				.andExpect(status().is2xxSuccessful());
		}
		assertThat(calls.stored(this.jdbc)).isEqualTo(calls.messageIds().size()).isGreaterThan(5);
	}

	@Test
	void analyticsJsShortPathsTakeGzippedTextPlain() throws Exception {
		String customer = newCustomerId();
		String track = """
				{"type": "track", "event": "Product Viewed", "userId": "%s", "messageId": "%s", "writeKey": "%s"}"""
			.formatted(customer, UUID.randomUUID(), SegmentFixtures.WRITE_KEY);
		gzipped("/v1/t", Gzip.compress(track), "x-gzip", MediaType.TEXT_PLAIN).andExpect(status().isOk());
		String page = track.replace("\"track\"", "\"page\"")
			.replaceAll("\"messageId\": \"[^\"]+\"", "\"messageId\": \"" + UUID.randomUUID() + "\"");
		gzipped("/v1/b", Gzip.compress("{\"batch\": [" + page + "]}"), "gzip", MediaType.TEXT_PLAIN)
			.andExpect(jsonPath("$.results[0].status").value("accepted"));
		assertThat(this.events.forCustomer(customer)).filteredOn((event) -> !"encore".equals(event.source()))
			.extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Product Viewed", "Site Visited");
	}

	/**
	 * Segment's Python library with {@code gzip=True}: the write key in the body only.
	 */
	@Test
	void segmentsPythonBatchWithTheWriteKeyInTheBodyOnly() throws Exception {
		String customer = newCustomerId();
		String batch = """
				{"batch": [{"type": "track", "event": "Product Viewed", "userId": "%s", "messageId": "%s",
				  "timestamp": "2026-11-23T09:00:00+00:00", "context": {"library": {"name": "analytics-python"}}}],
				 "sentAt": "2026-11-23T09:00:01+00:00", "writeKey": "%s"}""".formatted(customer, UUID.randomUUID(),
				SegmentFixtures.WRITE_KEY);
		this.mvc
			.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_ENCODING, "gzip")
				.content(Gzip.compress(batch)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("accepted"));
		assertThat(this.events.forCustomer(customer)).hasSize(1);
	}

	/**
	 * 16 MB of JSON whitespace compress to about 16 KB, under every limit as sent; the
	 * inflated body is cut off at the endpoint's limit.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/events", "/api/v1/events/batch", "/v1/track", "/v1/t", "/v1/batch", "/v1/b" })
	void aZipBombIs413(String path) throws Exception {
		byte[] bomb = Gzip.bomb(16 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(32 * 1024);
		gzipped(path, bomb, "gzip", MediaType.APPLICATION_JSON).andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(path.endsWith("b") || path.endsWith("batch")
					? "The batch is larger than 500 KB" : "The event is larger than 32 KB"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "br", "deflate", "gzip, gzip", "compress" })
	void otherEncodingsAre415AndStoreNothing(String encoding) throws Exception {
		String customer = newCustomerId();
		String track = """
				{"type": "track", "event": "Product Viewed", "userId": "%s", "messageId": "%s"}""".formatted(customer,
				UUID.randomUUID());
		gzipped("/v1/track", Gzip.compress(track), encoding, MediaType.APPLICATION_JSON)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Content-Encoding must be gzip or none"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void aBodyThatIsNotGzipIs400() throws Exception {
		gzipped("/api/v1/events", "{\"type\": \"track\"}".getBytes(), "gzip", MediaType.APPLICATION_JSON)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is not valid gzip"));
		byte[] cut = Gzip.compress("{\"type\": \"track\", \"event\": \"Product Viewed\"}");
		gzipped("/v1/track", java.util.Arrays.copyOf(cut, cut.length / 2), "gzip", MediaType.APPLICATION_JSON)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed gzip"));
	}

}
