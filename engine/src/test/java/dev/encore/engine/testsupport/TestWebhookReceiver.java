package dev.encore.engine.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stand-in for the shop's webhook receiver (WireMock) for the whole test JVM, reached
 * as {@code localhost} (the test contexts list that host by name). It checks what a shop
 * would: {@link #received} recomputes each request's signature with the shared secret.
 */
public final class TestWebhookReceiver {

	public static final String SECRET = "test-webhook-secret";

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	private static final WireMockServer SERVER = start();

	private TestWebhookReceiver() {
	}

	public static WireMockServer get() {
		return SERVER;
	}

	public static String url(String path) {
		return "http://localhost:" + SERVER.port() + path;
	}

	/**
	 * The POSTs to the path, each checked: JSON, signed with the secret over
	 * {@code <t>.<body>}, with an idempotency key.
	 */
	public static List<LoggedRequest> received(String path) {
		List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo(path)));
		for (LoggedRequest request : requests) {
			assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
			assertThat(request.getHeader("Idempotency-Key")).isNotBlank();
			Matcher signature = SIGNATURE.matcher(request.getHeader("X-Encore-Signature"));
			assertThat(signature.matches()).as(request.getHeader("X-Encore-Signature")).isTrue();
			assertThat(signature.group(2)).as("signature")
				.isEqualTo(hmac(signature.group(1) + "." + request.getBodyAsString()));
		}
		return requests;
	}

	private static String hmac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
