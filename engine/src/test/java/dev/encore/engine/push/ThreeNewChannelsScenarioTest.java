package dev.encore.engine.push;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import dev.encore.connectors.standin.TestPushService;
import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.journey.JourneyValidator;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestWebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One journey on the three channels this round added, started by the storefront's own
 * event: a web push to the customer's browser, a message in their on-site inbox, and a
 * webhook telling the shop's CRM, each through its real client to a checking stand-in
 * (VAPID and RFC 8291 decryption; the storefront's inbox read; HMAC signature and
 * idempotency key). At night in the customer's zone the push waits for the morning while
 * the inbox message and the webhook go at once.
 */
class ThreeNewChannelsScenarioTest extends EncoreIntegrationTest {

	private static final String SUBJECT = "mailto:push@shop.example";

	private static final TestPushService pushService = new TestPushService(SUBJECT);

	private static final String JOURNEY = "CartViewedNudge";

	private static final String TRIGGER = "Cart Viewed";

	private static final String CRM = "/crm/cart-viewed";

	private final WireMockServer receiver = TestWebhookReceiver.get();

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private MessageLog messages;

	@Autowired
	private JourneyValidator validator;

	@DynamicPropertySource
	static void pushService(DynamicPropertyRegistry registry) {
		registry.add("encore.connectors.webpush.public-key", pushService::vapidPublicKey);
		registry.add("encore.connectors.webpush.private-key", pushService::vapidPrivateKey);
		registry.add("encore.connectors.webpush.subject", () -> SUBJECT);
		registry.add("encore.connectors.webpush.allowed-hosts[0]", pushService::origin);
	}

	@AfterAll
	static void stop() {
		pushService.close();
	}

	@AfterEach
	void cleanUp() {
		deleteDeployments(JOURNEY);
		this.receiver.resetAll();
	}

	/** Push, inbox, then the shop's CRM; started by the storefront's event. */
	private static BpmnModelInstance journey() {
		return Bpmn.createExecutableProcess(JOURNEY)
			.camundaHistoryTimeToLive(30)
			.startEvent("StartEventCartViewed")
			.signal(TRIGGER)
			.sendTask("SendTaskWebPush")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "webpush")
			.camundaInputParameter("templateId", "cart-reminder")
			.camundaInputParameter("messageType", "marketing")
			.camundaInputParameter("urgency", "low")
			.sendTask("SendTaskInbox")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "onsite")
			.camundaInputParameter("templateId", "cart-reminder")
			.camundaInputParameter("messageType", "marketing")
			.sendTask("SendTaskTellCrm")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "webhook")
			.camundaInputParameter("url", TestWebhookReceiver.url(CRM))
			.endEvent("EndEventNudged")
			.done();
	}

	private String mei() throws Exception {
		String customer = newCustomerId();
		for (TestEvents event : PushJourneys.mei(customer)) {
			send(event).andExpect(status().isAccepted());
		}
		return customer;
	}

	private TestBrowser subscribedBrowser(String customer) throws Exception {
		TestBrowser browser = new TestBrowser();
		var subscription = browser.subscription(pushService.endpoint(customer));
		this.mvc
			.perform(PushJourneys
				.storefront(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/customers/{id}/push-subscriptions", customer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(PushJourneys.subscriptionJson(subscription.endpoint(), subscription.p256dh(),
						subscription.auth())))
			.andExpect(status().isCreated());
		return browser;
	}

	private void deploy() {
		BpmnModelInstance journey = journey();
		assertThat(this.validator.validate(Map.of(JOURNEY + ".bpmn", Bpmn.convertToString(journey).getBytes())))
			.isEmpty();
		this.repository.createDeployment().name(JOURNEY).addModelInstance(JOURNEY + ".bpmn", journey).deploy();
	}

	private JsonNode inbox(String customer) throws Exception {
		return this.json
			.readTree(this.mvc.perform(PushJourneys.storefront(get("/api/v1/customers/{id}/inbox", customer)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

	private List<String> outcomes(String customer) {
		return this.messages.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals(JOURNEY))
			.map((entry) -> entry.channel() + ":" + entry.status())
			.toList();
	}

	@Test
	void theStorefrontsEventReachesTheBrowserTheInboxAndTheShopsCrm() throws Exception {
		this.receiver.stubFor(post(CRM).willReturn(aResponse().withStatus(202)));
		String customer = mei();
		TestBrowser browser = subscribedBrowser(customer);
		deploy();

		send(TestEvents.track(TRIGGER, customer).with("product_id", "tea-42")).andExpect(status().isAccepted());
		this.clock.runDueJobs();

		assertThat(outcomes(customer)).containsExactlyInAnyOrder("webpush:sent", "onsite:sent", "webhook:sent");
		assertThat(pushService.pushesTo(customer)).singleElement().satisfies((push) -> {
			assertThat(push.problem()).isNull();
			assertThat(push.header("Urgency")).isEqualTo("low");
			assertThat(this.json.readTree(browser.decrypt(push.body())).path("title").asText())
				.isEqualTo("Mei, your cart is waiting");
		});
		JsonNode inbox = inbox(customer);
		assertThat(inbox).hasSize(1);
		assertThat(inbox.get(0).path("title").asText()).isEqualTo("Mei, your cart is waiting");
		assertThat(inbox.get(0).path("journey").asText()).isEqualTo(JOURNEY);
		List<LoggedRequest> posted = TestWebhookReceiver.received(CRM);
		assertThat(posted).singleElement().satisfies((request) -> {
			JsonNode envelope = this.json.readTree(request.getBodyAsString());
			assertThat(envelope.path("customerId").asText()).isEqualTo(customer);
			assertThat(envelope.path("journey").asText()).isEqualTo(JOURNEY);
			assertThat(envelope.path("step").asText()).isEqualTo("SendTaskTellCrm");
			assertThat(envelope.at("/event/properties/product_id").asText()).isEqualTo("tea-42");
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo(envelope.path("sendKey").asText());
		});
		assertThat(activeJourneys(customer, JOURNEY)).isZero();
	}

	@Test
	void atNightThePushWaitsForTheMorningWhileTheInboxAndTheCrmDoNot() throws Exception {
		this.receiver.stubFor(post(CRM).willReturn(aResponse().withStatus(202)));
		String customer = mei();
		subscribedBrowser(customer);
		deploy();
		// 23:30 in Taipei.
		this.clock.setTo(START.plus(java.time.Duration.ofMinutes(390)));

		send(TestEvents.track(TRIGGER, customer)).andExpect(status().isAccepted());
		this.clock.runDueJobs();

		assertThat(outcomes(customer)).containsExactly("webpush:deferred");
		assertThat(pushService.pushesTo(customer)).isEmpty();

		// The next morning at 09:00 Taipei the push goes, then the inbox and the CRM.
		this.clock.advance(java.time.Duration.ofHours(10));
		assertThat(outcomes(customer)).containsExactlyInAnyOrder("webpush:sent", "onsite:sent", "webhook:sent");
		assertThat(pushService.pushesTo(customer)).hasSize(1);
		assertThat(inbox(customer)).hasSize(1);
		assertThat(TestWebhookReceiver.received(CRM)).hasSize(1);
	}

}
