package dev.encore.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encore on real ports, as configured for production: metrics and health details on the
 * management port only; the public port keeps the probes (/livez, /readyz) a container
 * platform checks through the port that takes the traffic.
 */
@Tag("integration")
class ManagementPortTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static EncoreNode node;

	@BeforeAll
	static void start() {
		node = EncoreNode.startEmbedded("managementPort", Map.of());
	}

	@AfterAll
	static void stop() {
		node.close();
	}

	@Test
	void prometheusAndHealthDetailsAreServedOnTheManagementPortOnly() throws Exception {
		assertThat(node.managementUrl()).isNotEqualTo(node.baseUrl());
		HttpResponse<String> scrape = get(node.managementUrl() + "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("encore_jobs_due");
		assertThat(get(node.managementUrl() + "/actuator/health").body()).contains("\"db\"");

		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
				"/actuator/info" }) {
			assertThat(get(node.baseUrl() + path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void probesStayOnThePublicPort() throws Exception {
		for (String probe : new String[] { "/livez", "/readyz" }) {
			HttpResponse<String> response = get(node.baseUrl() + probe);
			assertThat(response.statusCode()).as(probe + ": " + response.body()).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
		assertThat(get(node.managementUrl() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
