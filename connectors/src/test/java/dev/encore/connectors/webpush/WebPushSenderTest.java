package dev.encore.connectors.webpush;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.encore.connectors.DeliveryResult;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.PushDevices;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.connectors.standin.TestBrowser;
import dev.encore.connectors.standin.TestPushService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real library and JDK client against a push service that checks VAPID. */
class WebPushSenderTest {

	private static final String SUBJECT = "mailto:push@shop.example";

	private final TestPushService service = new TestPushService(SUBJECT);

	private final TestBrowser laptop = new TestBrowser();

	private final TestBrowser phone = new TestBrowser();

	private final Devices devices = new Devices();

	@AfterEach
	void stop() {
		this.service.close();
	}

	private WebPushSender sender(List<String> allowedHosts) {
		return new WebPushSender(new WebPushSettings(this.service.vapidPublicKey(), this.service.vapidPrivateKey(),
				SUBJECT, allowedHosts, Duration.ofSeconds(5)), this.devices);
	}

	private WebPushSender sender() {
		return sender(List.of(this.service.origin()));
	}

	private static OutboundMessage message() {
		return new OutboundMessage("p1:SendTaskWebPush", "c-1", WebPushSender.WEBPUSH, "c-1",
				new WebPushContent("Your cart misses you", "2 items are waiting", "https://shop.example/cart", null,
						Duration.ofHours(1), "high"));
	}

	@Test
	void everyBrowserGetsTheNotificationEncryptedForItAndSignedWithVapid() throws Exception {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));
		this.devices.add(this.phone.subscription(this.service.endpoint("phone")));

		DeliveryResult result = sender().send(message());

		assertThat(result.providerMessageId()).startsWith(this.service.origin() + "/message/");
		assertThat(this.service.pushes()).hasSize(2).allSatisfy((push) -> {
			assertThat(push.problem()).isNull();
			assertThat(push.header("TTL")).isEqualTo("3600");
			assertThat(push.header("Urgency")).isEqualTo("high");
			assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
		});
		for (TestBrowser browser : List.of(this.laptop, this.phone)) {
			String device = (browser == this.laptop) ? "laptop" : "phone";
			byte[] body = this.service.pushesTo(device).get(0).body();
			assertThat(new ObjectMapper().readValue(browser.decrypt(body), Map.class)).isEqualTo(Map.of("title",
					"Your cart misses you", "body", "2 items are waiting", "url", "https://shop.example/cart"));
		}
		assertThat(this.devices.gone).isEmpty();
	}

	@Test
	void aGoneSubscriptionIsReportedWhileTheOtherBrowsersStillGetIt() {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));
		this.devices.add(this.phone.subscription(this.service.endpoint("phone")));
		this.service.answer("laptop", 410);

		sender().send(message());

		assertThat(this.devices.gone).extracting(WebPushSubscription::endpoint)
			.containsExactly(this.service.endpoint("laptop"));
		assertThat(this.service.pushesTo("phone")).singleElement()
			.satisfies((push) -> assertThat(push.problem()).isNull());
	}

	@Test
	void whenEveryBrowserIsGoneTheSendFailsForGood() {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));
		this.service.answer("laptop", 404);

		assertThatThrownBy(() -> sender().send(message())).isInstanceOf(PermanentDeliveryException.class)
			.extracting("reason")
			.isEqualTo("push_subscription_gone");
		assertThat(this.devices.gone).hasSize(1);
	}

	@Test
	void tooManyRequestsAndServerErrorsAreRetriedOtherRefusalsAreNot() {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));
		this.service.answer("laptop", 429);
		assertThatThrownBy(() -> sender().send(message())).isInstanceOfSatisfying(TransientDeliveryException.class,
				(ex) -> {
					assertThat(ex.reason()).isEqualTo("webpush_429");
					assertThat(ex.retryAfter()).contains(Duration.ofMinutes(2));
				});
		this.service.answer("laptop", 503);
		assertThatThrownBy(() -> sender().send(message())).isInstanceOf(TransientDeliveryException.class)
			.extracting("reason")
			.isEqualTo("webpush_503");
		this.service.answer("laptop", 413);
		assertThatThrownBy(() -> sender().send(message())).isInstanceOf(PermanentDeliveryException.class)
			.extracting("reason")
			.isEqualTo("webpush_413");
		assertThat(this.devices.gone).isEmpty();
	}

	@Test
	void aPushServiceThatCannotBeReachedIsRetriedKnowingItNeverGotThePush() {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));
		WebPushSender sender = sender();
		this.service.close();

		assertThatThrownBy(() -> sender.send(message())).isInstanceOfSatisfying(TransientDeliveryException.class,
				(ex) -> {
					assertThat(ex.reason()).isEqualTo("webpush_unreachable");
					assertThat(ex.outcomeUnknown()).isFalse();
				});
	}

	@Test
	void aPushServiceNotOnTheAllowListIsNeverCalled() {
		this.devices.add(this.laptop.subscription(this.service.endpoint("laptop")));

		assertThatThrownBy(() -> sender(List.of()).send(message())).isInstanceOf(PermanentDeliveryException.class)
			.extracting("reason")
			.isEqualTo("push_host_not_allowed");
		assertThat(this.service.pushes()).isEmpty();
	}

	@Test
	void theAllowListNamesHttpsHostsAndSubdomains() {
		PushHosts browsers = new PushHosts(List.of());
		assertThat(browsers.allows("https://fcm.googleapis.com/fcm/send/abc")).isTrue();
		assertThat(browsers.allows("https://wns2-par02p.notify.windows.com/w/?token=x")).isTrue();
		assertThat(browsers.allows("https://web.push.apple.com/QGx")).isTrue();
		assertThat(browsers.allows("http://fcm.googleapis.com/fcm/send/abc")).isFalse();
		assertThat(browsers.allows("https://notify.windows.com.evil.example/w")).isFalse();
		assertThat(browsers.allows("https://evil.example/?fcm.googleapis.com")).isFalse();
		assertThat(browsers.allows("http://127.0.0.1:8080/push")).isFalse();
		assertThat(browsers.allows("not a url")).isFalse();
		assertThat(new PushHosts(List.of("http://127.0.0.1:8080")).allows("http://127.0.0.1:8080/push/x")).isTrue();
		assertThat(new PushHosts(List.of("http://127.0.0.1:8080")).allows("http://127.0.0.1:8081/push/x")).isFalse();
	}

	/** The customer's subscriptions, as the engine's store would keep them. */
	private static final class Devices implements PushDevices<WebPushSubscription> {

		private final List<WebPushSubscription> subscribed = new CopyOnWriteArrayList<>();

		private final List<WebPushSubscription> gone = new CopyOnWriteArrayList<>();

		void add(WebPushSubscription subscription) {
			this.subscribed.add(subscription);
		}

		@Override
		public List<WebPushSubscription> of(String customerId) {
			return List.copyOf(this.subscribed);
		}

		@Override
		public void gone(String customerId, WebPushSubscription device) {
			this.subscribed.remove(device);
			this.gone.add(device);
		}

	}

}
