package dev.encore.connectors.line;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.encore.connectors.Channel;
import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.LineContent;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinePushSenderTest {

	@RegisterExtension
	static WireMockExtension line = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String PUSH = "/v2/bot/message/push";

	private static final String USER = "U0123456789abcdef0123456789abcdef";

	private final LinePushSender sender = new LinePushSender(
			new LineSettings("channel-token", URI.create(line.baseUrl()), Duration.ofSeconds(5)));

	private static OutboundMessage push(String sendKey, LineContent content) {
		return new OutboundMessage(sendKey, "c-1", Channel.LINE, USER, content);
	}

	@Test
	void textPushCarriesTokenRetryKeyAndBody() {
		line.stubFor(post(PUSH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-line-request-id", "req-1")
			.withBody("{\"sentMessages\":[{\"id\":\"461230966842064897\",\"quoteToken\":\"q\"}]}")));

		DeliveryResult result = this.sender.send(push("pi-1:sendLine", LineContent.text("您的購物車還在等您")));

		assertThat(result.providerMessageId()).isEqualTo("req-1");
		line.verify(1, postRequestedFor(urlEqualTo(PUSH)).withHeader("Authorization", equalTo("Bearer channel-token"))
			.withHeader("X-Line-Retry-Key", equalTo(LinePushSender.retryKey("pi-1:sendLine").toString()))
			.withRequestBody(equalToJson("{\"to\":\"" + USER
					+ "\",\"messages\":[{\"type\":\"text\",\"text\":\"您的購物車還在等您\"}],\"notificationDisabled\":false}",
					false, true)));
	}

	@Test
	void flexPushHasImageTitleCouponAndShopButton() {
		line.stubFor(post(PUSH).willReturn(aResponse().withStatus(200).withBody("{\"sentMessages\":[]}")));

		this.sender.send(push("pi-1:flex", new LineContent("購物車提醒", new LineContent.Flex("https://shop.example/img.jpg",
				"還有 2 件商品", "SAVE10", "回到購物車", "https://shop.example/cart"))));

		line.verify(1, postRequestedFor(urlEqualTo(PUSH)).withRequestBody(equalToJson("""
				{"to":"%s","messages":[{"type":"flex","altText":"購物車提醒","contents":{"type":"bubble",
				 "hero":{"type":"image","url":"https://shop.example/img.jpg"},
				 "body":{"type":"box","layout":"vertical","contents":[
				   {"type":"text","text":"還有 2 件商品"},{"type":"text","text":"SAVE10"}]},
				 "footer":{"type":"box","layout":"vertical","contents":[
				   {"type":"button","action":{"type":"uri","label":"回到購物車","uri":"https://shop.example/cart"}}]}}}]}
				""".formatted(USER), false, true)));
	}

	@Test
	void retryKeyIsStablePerSendKey() {
		assertThat(LinePushSender.retryKey("pi-1:a")).isEqualTo(LinePushSender.retryKey("pi-1:a"))
			.isNotEqualTo(LinePushSender.retryKey("pi-1:b"));
	}

	@Test
	void conflictOnRetryMeansAlreadyAcceptedAndCountsAsSent() {
		line.stubFor(post(PUSH).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(200).withHeader("x-line-request-id", "req-first").withBody("{}"))
			.willSetStateTo("accepted"));
		line.stubFor(post(PUSH).inScenario("retry")
			.whenScenarioStateIs("accepted")
			.willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/json")
				.withHeader("x-line-request-id", "req-second")
				.withHeader("x-line-accepted-request-id", "req-first")
				.withBody("{\"message\":\"The retry key is already accepted\"}")));

		this.sender.send(push("pi-2:sendLine", LineContent.text("hi")));
		DeliveryResult retried = this.sender.send(push("pi-2:sendLine", LineContent.text("hi")));

		assertThat(retried.providerMessageId()).isEqualTo("req-first");
		String key = LinePushSender.retryKey("pi-2:sendLine").toString();
		line.verify(2, postRequestedFor(urlEqualTo(PUSH)).withHeader("X-Line-Retry-Key", equalTo(key)));
	}

	@Test
	void rateLimitIsTransientWithRetryAfterAndTheRetrySucceeds() {
		line.stubFor(post(PUSH).inScenario("rate")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "60")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Too many requests\"}"))
			.willSetStateTo("calm"));
		line.stubFor(post(PUSH).inScenario("rate")
			.whenScenarioStateIs("calm")
			.willReturn(aResponse().withStatus(200).withHeader("x-line-request-id", "req-ok").withBody("{}")));

		assertThatThrownBy(() -> this.sender.send(push("pi-3:sendLine", LineContent.text("hi"))))
			.isInstanceOfSatisfying(TransientDeliveryException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo("line_429");
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(60));
			});
		assertThat(this.sender.send(push("pi-3:sendLine", LineContent.text("hi"))).providerMessageId())
			.isEqualTo("req-ok");
	}

	@Test
	void badRequestIsPermanent() {
		line.stubFor(post(PUSH).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"The request body has 1 error(s)\",\"details\":[]}")));

		assertThatThrownBy(() -> this.sender.send(push("pi-4:sendLine", LineContent.text("hi"))))
			.isInstanceOfSatisfying(PermanentDeliveryException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("line_400"));
	}

	@Test
	void serverErrorAndTimeoutAreTransient() {
		line.stubFor(post(PUSH).willReturn(aResponse().withStatus(500).withBody("{}")));
		assertThatThrownBy(() -> this.sender.send(push("pi-5:sendLine", LineContent.text("hi"))))
			.isInstanceOf(TransientDeliveryException.class);

		line.stubFor(post(PUSH).willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));
		LinePushSender impatient = new LinePushSender(
				new LineSettings("channel-token", URI.create(line.baseUrl()), Duration.ofMillis(300)));
		assertThatThrownBy(() -> impatient.send(push("pi-5:sendLine", LineContent.text("hi"))))
			.isInstanceOf(TransientDeliveryException.class);
	}

	@Test
	void recipientThatIsNotALineUserIdIsPermanentWithoutACall() {
		assertThatThrownBy(() -> this.sender
			.send(new OutboundMessage("pi-6:x", "c-1", Channel.LINE, "not-a-user", LineContent.text("hi"))))
			.isInstanceOf(PermanentDeliveryException.class);
		line.verify(0, postRequestedFor(urlEqualTo(PUSH)));
	}

}
