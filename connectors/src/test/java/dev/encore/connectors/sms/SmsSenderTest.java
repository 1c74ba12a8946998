package dev.encore.connectors.sms;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.SmsContent;
import dev.encore.connectors.TransientDeliveryException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSenderTest {

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String ACCOUNT = "AC00000000000000000000000000000001";

	private static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

	// Basic base64("AC...0001:secret-token")
	private static final String BASIC_AUTH = "Basic " + java.util.Base64.getEncoder()
		.encodeToString((ACCOUNT + ":secret-token").getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private SmsSender sender;

	@BeforeEach
	void setUp() {
		this.sender = senderWithTimeout(Duration.ofSeconds(5));
	}

	private SmsSender senderWithTimeout(Duration timeout) {
		return new SmsSender(new SmsSettings(ACCOUNT, "secret-token", null, null, "+15005550006", null,
				URI.create("https://shop.example/sms/status"), URI.create(twilio.baseUrl()), timeout));
	}

	private static OutboundMessage sms(String to) {
		return new OutboundMessage("pi-1:sendSms", "c-1", Channel.SMS, to, new SmsContent("購物車 reminder"));
	}

	@Test
	void acceptedMessageReturnsSidAndSegmentsAfterOneAuthenticatedFormPost() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123\",\"status\":\"queued\",\"num_segments\":\"2\",\"account_sid\":\"" + ACCOUNT
					+ "\"}")));

		DeliveryResult result = this.sender.send(sms("+886912345678"));

		assertThat(result.providerMessageId()).isEqualTo("SM0123");
		assertThat(result.segments()).isEqualTo(2);
		twilio.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo(BASIC_AUTH))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
		assertThat(lastForm()).isEqualTo(Map.of("To", "+886912345678", "From", "+15005550006", "StatusCallback",
				"https://shop.example/sms/status", "Body", "購物車 reminder"));
	}

	@Test
	void invalidNumberCodeIsPermanent() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
					+ "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));

		assertThatThrownBy(() -> this.sender.send(sms("+886912345678"))).isInstanceOfSatisfying(
				PermanentDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("twilio_21211"));
	}

	@Test
	void unsubscribedRecipientIsPermanent() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));

		assertThatThrownBy(() -> this.sender.send(sms("+886912345678"))).isInstanceOfSatisfying(
				PermanentDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("twilio_21610"));
	}

	@Test
	void rateLimitIsTransientWithRetryAfterAndTheNextAttemptSucceeds() {
		twilio.stubFor(post(PATH).inScenario("rate")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "30")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"))
			.willSetStateTo("calm"));
		twilio.stubFor(post(PATH).inScenario("rate")
			.whenScenarioStateIs("calm")
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SM0456\",\"num_segments\":\"1\"}")));

		assertThatThrownBy(() -> this.sender.send(sms("+886912345678")))
			.isInstanceOfSatisfying(TransientDeliveryException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo("twilio_20429");
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30));
			});
		assertThat(this.sender.send(sms("+886912345678")).providerMessageId()).isEqualTo("SM0456");
		twilio.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void serverErrorIsTransientAndAttemptedExactlyOnce() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));

		assertThatThrownBy(() -> this.sender.send(sms("+886912345678"))).isInstanceOf(TransientDeliveryException.class);
		// The SDK's own client would have POSTed three times.
		twilio.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void timeoutIsTransient() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withFixedDelay(2_000).withBody("{}")));
		SmsSender impatient = senderWithTimeout(Duration.ofMillis(300));

		assertThatThrownBy(() -> impatient.send(sms("+886912345678"))).isInstanceOfSatisfying(
				TransientDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("twilio_timeout"));
		twilio.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void numberThatIsNotE164FailsPermanentlyWithoutCallingTwilio() {
		assertThatThrownBy(() -> this.sender.send(sms("0912-345-678"))).isInstanceOfSatisfying(
				PermanentDeliveryException.class, (ex) -> assertThat(ex.reason()).isEqualTo("invalid_number"));
		twilio.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void messagingServiceAndApiKeyAreUsedWhenConfigured() {
		twilio.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM0789\"}")));
		SmsSender viaService = new SmsSender(new SmsSettings(ACCOUNT, null, "SK0000000000000000000000000000000a",
				"key-secret", null, "MG0000000000000000000000000000000b", null, URI.create(twilio.baseUrl()), null));

		viaService.send(sms("+886912345678"));

		String keyAuth = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("SK0000000000000000000000000000000a:key-secret".getBytes());
		twilio.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo(keyAuth)));
		assertThat(lastForm()).isEqualTo(Map.of("To", "+886912345678", "MessagingServiceSid",
				"MG0000000000000000000000000000000b", "Body", "購物車 reminder"));
	}

	/**
	 * The form body of the last request, decoded: the SDK's parameter order is a hash
	 * order.
	 */
	private static Map<String, String> lastForm() {
		String body = twilio.getAllServeEvents().get(0).getRequest().getBodyAsString();
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return form;
	}

}
