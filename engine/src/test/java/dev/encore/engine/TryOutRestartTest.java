package dev.encore.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The try-out (an H2 file, no Redis) keeps a customer across a restart together with the
 * journey they are on: before, the journey survived and the profile did not, so the
 * customer was "not found" while waiting and the next email failed with no address.
 */
class TryOutRestartTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@Test
	void aRestartKeepsTheCustomerAndTheJourneyTheyAreOn() throws Exception {
		Map<String, Object> tryOut = Map.of("spring.datasource.url",
				"jdbc:h2:file:" + this.data.resolve("encore") + ";QUERY_CACHE_SIZE=256", "encore.redis.url", "");
		String customer = "restart-" + System.nanoTime();
		try (EncoreNode before = EncoreNode.startEmbedded("try-out-1", tryOut)) {
			assertThat(before.post(TestEvents.identify(customer, "ada@example.org", "Ada"))).isEqualTo(202);
			assertThat(before.post(TestEvents.checkoutStarted(customer))).isEqualTo(202);
			assertThat(journeysOf(before, customer)).isPositive();
		}
		try (EncoreNode after = EncoreNode.startEmbedded("try-out-2", tryOut)) {
			assertThat(journeysOf(after, customer)).as("the journey, kept in H2 as before").isPositive();
			HttpResponse<String> profile = http
				.send(HttpRequest.newBuilder(URI.create(after.baseUrl() + "/api/v1/customers/" + customer))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString("support:test-password".getBytes(StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(profile.statusCode()).isEqualTo(200);
			JsonNode read = new ObjectMapper().readTree(profile.body());
			assertThat(read.path("email").asText()).isEqualTo("ada@example.org");
			assertThat(read.path("cart").isMissingNode() || read.path("cart").isEmpty()).as("the cart is kept too")
				.isFalse();
		}
	}

	private static long journeysOf(EncoreNode node, String customer) {
		return node.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(customer)
			.count();
	}

}
