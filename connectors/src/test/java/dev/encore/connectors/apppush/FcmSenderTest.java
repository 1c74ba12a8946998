package dev.encore.connectors.apppush;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.PushDevices;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.connectors.standin.TestFcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Firebase Admin SDK against a stand-in that checks the OAuth grant and message. */
class FcmSenderTest {

	private final TestFcm fcm = new TestFcm();

	private final Tokens tokens = new Tokens();

	private final FcmSender sender = new FcmSender(
			new FcmSettings(this.fcm.serviceAccountJson(), this.fcm.baseUrl(), Duration.ofSeconds(5)), this.tokens);

	@AfterEach
	void stop() {
		this.sender.close();
		this.fcm.close();
	}

	private static OutboundMessage message() {
		return new OutboundMessage("p1:SendTaskAppPush", "c-1", FcmSender.APPPUSH, "c-1", new AppPushContent(
				"Your cart misses you", "2 items are waiting", "shop://cart", "https://shop.example/i.png"));
	}

	@Test
	void everyDeviceGetsTheNotificationSignedInAsTheServiceAccount() {
		this.tokens.subscribed.addAll(List.of("token-android", "token-ios"));

		DeliveryResult result = this.sender.send(message());

		assertThat(result.providerMessageId()).isEqualTo("projects/encore-test/messages/1");
		assertThat(this.fcm.refused()).isEmpty();
		assertThat(this.fcm.grants()).isEqualTo(1);
		assertThat(this.fcm.messages()).extracting((message) -> message.get("token"))
			.containsExactly("token-android", "token-ios");
		assertThat(this.fcm.messages().get(0))
			.containsEntry("notification", Map.of("title", "Your cart misses you", "body", "2 items are waiting",
					"image", "https://shop.example/i.png"))
			.containsEntry("data", Map.of("url", "shop://cart"));
	}

	@Test
	void anUnregisteredTokenIsReportedWhileTheOtherDevicesStillGetIt() {
		this.tokens.subscribed.addAll(List.of("token-old", "token-new"));
		this.fcm.answer("token-old", 404);

		this.sender.send(message());

		assertThat(this.tokens.gone).containsExactly("token-old");
		assertThat(this.fcm.messages()).hasSize(2);
	}

	@Test
	void whenEveryTokenIsUnregisteredTheSendFailsForGood() {
		this.tokens.subscribed.add("token-old");
		this.fcm.answer("token-old", 404);

		assertThatThrownBy(() -> this.sender.send(message())).isInstanceOf(PermanentDeliveryException.class)
			.extracting("reason")
			.isEqualTo("app_push_token_gone");
	}

	@Test
	void quotaAndServerErrorsAreRetriedAnInvalidMessageIsNot() {
		this.tokens.subscribed.add("token-1");
		this.fcm.answer("token-1", 429);
		assertThatThrownBy(() -> this.sender.send(message())).isInstanceOf(TransientDeliveryException.class)
			.extracting("reason")
			.isEqualTo("fcm_quota_exceeded");
		this.fcm.answer("token-1", 500);
		assertThatThrownBy(() -> this.sender.send(message())).isInstanceOf(TransientDeliveryException.class)
			.extracting("reason")
			.isEqualTo("fcm_internal");
		this.fcm.answer("token-1", 400);
		assertThatThrownBy(() -> this.sender.send(message())).isInstanceOf(PermanentDeliveryException.class)
			.extracting("reason")
			.isEqualTo("fcm_invalid_argument");
		assertThat(this.tokens.gone).isEmpty();
	}

	@Test
	void aRefusedSignInIsRetriedKnowingFcmNeverGotTheMessage() {
		this.tokens.subscribed.add("token-1");
		this.fcm.refuseGrants();

		assertThatThrownBy(() -> this.sender.send(message())).isInstanceOfSatisfying(TransientDeliveryException.class,
				(ex) -> {
					assertThat(ex.reason()).isEqualTo("fcm_unreachable");
					assertThat(ex.outcomeUnknown()).isFalse();
				});
		assertThat(this.fcm.messages()).isEmpty();
	}

	private static final class Tokens implements PushDevices<String> {

		private final List<String> subscribed = new CopyOnWriteArrayList<>();

		private final List<String> gone = new CopyOnWriteArrayList<>();

		@Override
		public List<String> of(String customerId) {
			return List.copyOf(this.subscribed);
		}

		@Override
		public void gone(String customerId, String token) {
			this.subscribed.remove(token);
			this.gone.add(token);
		}

	}

}
