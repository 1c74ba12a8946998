package dev.encore.connectors.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real HTTP client against a local receiver (WireMock) whose requests are checked as
 * a shop would: the signature recomputed with the shared secret, the idempotency key, the
 * body. Names resolve through a test resolver where a test needs a name to point at an
 * internal address.
 */
class WebhookSenderTest {

	@RegisterExtension
	static WireMockExtension shop = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String SECRET = "whsec-test-0123456789";

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private static final String BODY = "{\"customerId\":\"c-1\",\"note\":\"商品 \\\"A\\\"\"}";

	private final List<String> lookedUp = new ArrayList<>();

	private WebhookSender sender;

	@AfterEach
	void close() throws Exception {
		if (this.sender != null) {
			this.sender.close();
		}
	}

	private WebhookSender sender(Set<String> allowedHosts, Map<String, String> dns, Duration timeout) {
		DnsResolver resolver = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				WebhookSenderTest.this.lookedUp.add(host);
				String address = dns.get(host);
				return address == null ? SystemDefaultDnsResolver.INSTANCE.resolve(host)
						: new InetAddress[] { InetAddress.getByName(address) };
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};
		this.sender = new WebhookSender(new WebhookSettings(SECRET, allowedHosts, timeout, resolver),
				Clock.fixed(NOW, ZoneOffset.UTC));
		return this.sender;
	}

	private WebhookSender localhostAllowed() {
		return sender(Set.of("localhost"), Map.of(), Duration.ofSeconds(5));
	}

	private static OutboundMessage hook(String url) {
		return new OutboundMessage("pi-1:SendTaskNotifyShop", "c-1", WebhookSender.WEBHOOK, url,
				new WebhookContent(BODY));
	}

	private static String local(String path) {
		return "http://localhost:" + shop.getPort() + path;
	}

	@Test
	void postsTheJsonSignedWithTheSecretAndTheSendKeyAsIdempotencyKey() throws Exception {
		shop.stubFor(post("/hooks/encore").willReturn(aResponse().withStatus(202).withHeader("X-Request-Id", "r-9")));

		DeliveryResult result = localhostAllowed().send(hook(local("/hooks/encore")));

		assertThat(result.providerMessageId()).isEqualTo("r-9");
		List<LoggedRequest> received = shop.findAll(postRequestedFor(urlEqualTo("/hooks/encore")));
		assertThat(received).hasSize(1);
		LoggedRequest request = received.get(0);
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo("pi-1:SendTaskNotifyShop");
		assertThat(request.getBodyAsString()).isEqualTo(BODY);
		assertThat(request.getBody()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
		assertThat(request.getHeader("X-Encore-Signature"))
			.isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + receiverHmac(NOW.getEpochSecond() + "." + BODY));
	}

	@Test
	void serverErrorsAndRateLimitsAreTransientClientErrorsPermanent() {
		WebhookSender sender = localhostAllowed();
		shop.stubFor(post("/5xx").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
		shop.stubFor(post("/429").willReturn(aResponse().withStatus(429)));
		shop.stubFor(post("/400").willReturn(aResponse().withStatus(400)));

		assertThatThrownBy(() -> sender.send(hook(local("/5xx"))))
			.isInstanceOfSatisfying(TransientDeliveryException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo("webhook_503");
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30));
			});
		assertThatThrownBy(() -> sender.send(hook(local("/429")))).isInstanceOf(TransientDeliveryException.class);
		assertThatThrownBy(() -> sender.send(hook(local("/400")))).isInstanceOfSatisfying(
				PermanentDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("webhook_400"));
		shop.verify(1, postRequestedFor(urlEqualTo("/400")));
	}

	@Test
	void noAnswerInTimeMayHaveArrivedSoTheRetryReliesOnTheIdempotencyKey() {
		shop.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
		WebhookSender sender = sender(Set.of("localhost"), Map.of(), Duration.ofMillis(300));

		assertThatThrownBy(() -> sender.send(hook(local("/slow"))))
			.isInstanceOfSatisfying(TransientDeliveryException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo("webhook_no_answer");
				assertThat(ex.outcomeUnknown()).isTrue();
			});
	}

	@Test
	void aRefusedConnectionIsTransientAndKnownNotToHaveArrived() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThatThrownBy(() -> localhostAllowed().send(hook("http://localhost:" + closedPort + "/x")))
			.isInstanceOfSatisfying(TransientDeliveryException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo("webhook_connection");
				assertThat(ex.outcomeUnknown()).isFalse();
			});
	}

	@Test
	void onlyListedHostsAreCalled() {
		WebhookSender sender = sender(Set.of("shop.example"), Map.of(), Duration.ofSeconds(5));

		for (String url : List.of("http://127.0.0.1:" + shop.getPort() + "/x", "http://10.0.0.7/x",
				"http://[::1]:" + shop.getPort() + "/x", local("/x"), "https://other.example/x",
				"ftp://shop.example/x")) {
			assertThatThrownBy(() -> sender.send(hook(url))).as(url)
				.isInstanceOfSatisfying(PermanentDeliveryException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo("webhook_host_refused"));
		}
		shop.verify(0, anyRequestedFor(anyUrl()));
		assertThat(this.lookedUp).isEmpty();
	}

	@Test
	void aListedNameResolvingToAnInternalAddressIsRefusedWhenConnecting() {
		// The wildcard allows the names; what they resolve to when connecting decides.
		WebhookSender sender = sender(Set.of("*.shop.example"), Map.of("hooks.shop.example", "10.1.2.3",
				"rebind.shop.example", "127.0.0.1", "v6.shop.example", "fd12::1"), Duration.ofSeconds(5));

		for (String host : List.of("hooks.shop.example", "rebind.shop.example", "v6.shop.example")) {
			assertThatThrownBy(() -> sender.send(hook("http://" + host + ":" + shop.getPort() + "/x"))).as(host)
				.isInstanceOfSatisfying(PermanentDeliveryException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo("webhook_host_refused"));
		}
		assertThat(this.lookedUp).containsExactly("hooks.shop.example", "rebind.shop.example", "v6.shop.example");
		shop.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aHostListedByNameMayBeInternal() {
		shop.stubFor(post("/in").willReturn(aResponse().withStatus(200)));
		WebhookSender sender = sender(Set.of("erp.shop.internal"), Map.of("erp.shop.internal", "127.0.0.1"),
				Duration.ofSeconds(5));

		sender.send(hook("http://erp.shop.internal:" + shop.getPort() + "/in"));

		shop.verify(1, postRequestedFor(urlEqualTo("/in")));
	}

	@Test
	void internalAddressesAreRecognised() throws Exception {
		for (String address : List.of("127.0.0.1", "10.9.8.7", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
			assertThat(AllowedHosts.internal(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111")) {
			assertThat(AllowedHosts.internal(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	/** What the shop computes on its side, written out independently of the sender. */
	private static String receiverHmac(String payload) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
	}

}
