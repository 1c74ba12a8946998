package dev.encore.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.TcpProxy;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness means "can take events": with the SMTP server out of reach (a cut proxy in
 * front of the test's real one) the node stays ready and takes events, and the mail
 * outage shows in the management port's health instead. Behind a load balancer an email
 * provider's outage must not take every node out of service.
 */
@Tag("integration")
class ReadinessWithoutSmtpTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private TcpProxy smtp;

	private EncoreNode node;

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		this.smtp.close();
	}

	@Test
	void anUnreachableSmtpServerLeavesTheNodeReadyAndShowsInHealth() throws Exception {
		this.smtp = new TcpProxy("127.0.0.1", TestSmtpServer.port());
		this.smtp.cut();
		this.node = EncoreNode.startEmbedded("smtpDown", Map.of("spring.mail.port", this.smtp.port()));

		HttpResponse<String> readiness = get(this.node.baseUrl() + "/readyz");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).doesNotContain("\"mail\"");
		assertThat(get(this.node.managementUrl() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
		HttpResponse<String> health = get(this.node.managementUrl() + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"mail\":{\"status\":\"DOWN\"");

		String customer = "smtp-down-" + UUID.randomUUID();
		assertThat(this.node.post(TestEvents.identify(customer, customer + "@example.org", "Ada"))).isEqualTo(202);
		assertThat(this.node.post(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)))
			.isEqualTo(202);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
