package dev.encore.engine.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.connectors.standin.TestBrowser;
import dev.encore.connectors.standin.TestFcm;
import dev.encore.connectors.standin.TestPushService;
import dev.encore.connectors.webpush.WebPushSubscription;
import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.journey.JourneyValidator;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A journey's send step on each push channel, end to end: the storefront registers the
 * devices, the step renders the cart reminder, the real connectors push it to stand-ins
 * that check VAPID and decrypt (web push) or check the OAuth grant (FCM), and a device
 * the service calls gone is forgotten, its consent withdrawn with the last one.
 */
class PushChannelsTest extends EncoreIntegrationTest {

	private static final String SUBJECT = "mailto:push@shop.example";

	private static final TestPushService pushService = new TestPushService(SUBJECT);

	private static final TestFcm fcm = new TestFcm();

	private static final String DEPLOYMENT = "push-channels-test";

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private ProfileStore profiles;

	@Autowired
	private JourneyValidator validator;

	@DynamicPropertySource
	static void pushServices(DynamicPropertyRegistry registry) {
		registry.add("encore.connectors.webpush.public-key", pushService::vapidPublicKey);
		registry.add("encore.connectors.webpush.private-key", pushService::vapidPrivateKey);
		registry.add("encore.connectors.webpush.subject", () -> SUBJECT);
		registry.add("encore.connectors.webpush.allowed-hosts[0]", pushService::origin);
		registry.add("encore.connectors.apppush.service-account", fcm::serviceAccountJson);
		registry.add("encore.connectors.apppush.base-url", () -> fcm.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		pushService.close();
		fcm.close();
	}

	@AfterEach
	void removeJourneys() {
		deleteDeployments(DEPLOYMENT);
	}

	private String mei() throws Exception {
		String customer = newCustomerId();
		for (TestEvents event : PushJourneys.mei(customer)) {
			send(event).andExpect(status().isAccepted());
		}
		return customer;
	}

	private void subscribe(String customer, WebPushSubscription browser) throws Exception {
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/push-subscriptions", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(PushJourneys.subscriptionJson(browser.endpoint(), browser.p256dh(), browser.auth())))
			.andExpect(status().isCreated());
	}

	private MessageLog.Entry run(String customer, String key, BpmnModelInstance journey) {
		assertThat(this.validator.validate(Map.of(key + ".bpmn", Bpmn.convertToString(journey).getBytes()))).isEmpty();
		this.repository.createDeployment().name(DEPLOYMENT).addModelInstance(key + ".bpmn", journey).deploy();
		this.runtime.startProcessInstanceByKey(key, customer);
		this.clock.runDueJobs();
		assertThat(activeJourneys(customer, key)).isZero();
		return step(customer, key);
	}

	/**
	 * The journey's send step (Checkout Started also started the shop's cart journey).
	 */
	private MessageLog.Entry step(String customer, String key) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private void awaitConsent(String customer, String channel, boolean granted) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.profiles.find(customer).orElseThrow().consent(channel).granted() == granted);
	}

	@Test
	void aWebPushStepReachesEveryBrowserEncryptedForItWithTheStepsTtlAndUrgency() throws Exception {
		String customer = mei();
		TestBrowser laptop = new TestBrowser();
		TestBrowser phone = new TestBrowser();
		subscribe(customer, laptop.subscription(pushService.endpoint(customer + "-laptop")));
		subscribe(customer, phone.subscription(pushService.endpoint(customer + "-phone")));

		MessageLog.Entry sent = run(customer, "WebPushCart",
				PushJourneys.journey("WebPushCart", "webpush", Map.of("ttl", "PT4H", "urgency", "high")));

		assertThat(sent.channel()).isEqualTo("webpush");
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.subject()).isEqualTo("Mei, your cart is waiting");
		for (String device : List.of("laptop", "phone")) {
			TestBrowser browser = device.equals("laptop") ? laptop : phone;
			assertThat(pushService.pushesTo(customer + "-" + device)).singleElement().satisfies((push) -> {
				assertThat(push.problem()).isNull();
				assertThat(push.header("TTL")).isEqualTo("14400");
				assertThat(push.header("Urgency")).isEqualTo("high");
				assertThat(new ObjectMapper().readValue(browser.decrypt(push.body()), Map.class))
					.containsEntry("title", "Mei, your cart is waiting")
					.containsEntry("body", "You left 1 item(s) in your cart.")
					.containsEntry("url", "https://shop.example.com/cart")
					.containsEntry("icon", "https://shop.example.com/icon-192.png");
			});
		}
	}

	@Test
	void aMarketingPushWaitsOutQuietHoursAndAWithdrawnPermissionStopsIt() throws Exception {
		String customer = mei();
		String device = customer + "-night";
		subscribe(customer, new TestBrowser().subscription(pushService.endpoint(device)));
		this.clock.setTo(START.plus(Duration.ofHours(5)));
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addModelInstance("web-push-night.bpmn", PushJourneys.journey("WebPushNight", "webpush", Map.of()))
			.deploy();

		this.runtime.startProcessInstanceByKey("WebPushNight", customer);
		this.clock.runDueJobs();

		MessageLog.Entry deferred = step(customer, "WebPushNight");
		assertThat(deferred.status()).isEqualTo("deferred");
		assertThat(deferred.reason()).isEqualTo("quiet_hours:webpush");
		assertThat(deferred.deferredUntil()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
		assertThat(pushService.pushesTo(device)).isEmpty();

		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer).contentType(MediaType.APPLICATION_JSON)
				.content("{\"webpush\": \"revoked\"}"))
			.andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(11));

		MessageLog.Entry suppressed = step(customer, "WebPushNight");
		assertThat(suppressed.status()).isEqualTo("suppressed");
		assertThat(suppressed.reason()).isEqualTo("unsubscribed:webpush");
		assertThat(pushService.pushesTo(device)).isEmpty();
	}

	@Test
	void aBrowserThePushServiceCallsGoneIsForgottenAndItsConsentWithdrawn() throws Exception {
		String customer = mei();
		subscribe(customer, new TestBrowser().subscription(pushService.endpoint(customer + "-gone")));
		pushService.answer(customer + "-gone", 410);

		MessageLog.Entry failed = run(customer, "WebPushGone",
				PushJourneys.journey("WebPushGone", "webpush", Map.of()));

		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.reason()).isEqualTo("push_subscription_gone");
		assertThat(pushService.pushesTo(customer + "-gone")).singleElement()
			.satisfies((push) -> assertThat(push.header("TTL")).isEqualTo("86400"));
		awaitConsent(customer, "webpush", false);
	}

	@Test
	void anAppPushStepReachesEveryTokenOfTheCustomerThroughFcm() throws Exception {
		String customer = mei();
		send(TestEvents.identify(customer, customer + "@example.org", "Mei").withTrait("fcmToken", customer + "-ios"))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(PushJourneys.storefront(post("/api/v1/customers/{id}/app-push-tokens", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\": \"" + customer + "-android\", \"platform\": \"android\"}"))
			.andExpect(status().isCreated());
		fcm.answer(customer + "-android", 404);

		MessageLog.Entry sent = run(customer, "AppPushCart", PushJourneys.journey("AppPushCart", "apppush", Map.of()));

		assertThat(sent.status()).isEqualTo("sent");
		assertThat(fcm.refused()).isEmpty();
		assertThat(fcm.messages()).filteredOn((message) -> message.get("token").equals(customer + "-ios"))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.get("notification")).isEqualTo(
						Map.of("title", "Mei, your cart is waiting", "body", "You left 1 item(s) in your cart."));
				assertThat(message.get("data")).isEqualTo(Map.of("url", "shop://cart"));
			});
		// FCM called the Android token unregistered: it is forgotten, the iOS one keeps
		// the consent.
		this.mvc.perform(get("/api/v1/customers/{id}/app-push-tokens", customer))
			.andExpect(jsonPath("$[*].token").value(contains(customer + "-ios")));
		assertThat(this.profiles.find(customer).orElseThrow().consent("apppush").granted()).isTrue();
	}

}
