package dev.encore.engine.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SendTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.journey.ChannelReach;
import dev.encore.engine.journey.JourneyProblem;
import dev.encore.engine.journey.JourneyValidator;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestWebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A webhook step through the real HTTP client to a stand-in receiver that checks the
 * signature: the default envelope or a template's JSON, retried on 5xx with the same
 * idempotency key, failed for good on 4xx, never to a host that is not allowed.
 */
class WebhookStepTest extends EncoreIntegrationTest {

	private static final String DEPLOYMENT = "webhook-step-test";

	private static final String TRIGGER = "Webhook Probe Started";

	private final WireMockServer receiver = TestWebhookReceiver.get();

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private JourneyValidator validator;

	@Autowired
	private ChannelReach reach;

	@AfterEach
	void cleanUp() {
		deleteDeployments(DEPLOYMENT);
		this.receiver.resetAll();
	}

	private static BpmnModelInstance journey(String url, String templateId) {
		SendTaskBuilder send = Bpmn.createExecutableProcess("WebhookProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEventWebhookProbe")
			.signal(TRIGGER)
			.sendTask("SendTaskNotifyShop")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "webhook")
			.camundaInputParameter("messageType", "marketing");
		if (url != null) {
			send.camundaInputParameter("url", url);
		}
		if (templateId != null) {
			send.camundaInputParameter("templateId", templateId);
		}
		return send.endEvent("EndEventNotified").done();
	}

	private MessageLog.Entry run(String customer, String path, String templateId) throws Exception {
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addModelInstance("webhook-probe.bpmn", journey(TestWebhookReceiver.url(path), templateId))
			.deploy();
		send(TestEvents.track(TRIGGER, customer).with("orderId", "o-77")).andExpect(status().isAccepted());
		this.clock.runDueJobs();
		return entry(customer);
	}

	private MessageLog.Entry entry(String customer) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals("WebhookProbe"))
			.findFirst()
			.orElseThrow();
	}

	private String customer(String firstName) throws Exception {
		String id = newCustomerId();
		send(TestEvents.identify(id, id + "@example.org", firstName)).andExpect(status().isAccepted());
		return id;
	}

	@Test
	void withoutATemplateTheStepPostsTheSignedEnvelopeWithTheSendKeyAsIdempotencyKey() throws Exception {
		String path = "/hooks/envelope";
		this.receiver.stubFor(post(path).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "erp-1")));
		String customer = customer("Ada");

		MessageLog.Entry sent = run(customer, path, null);

		assertThat(sent.channel()).isEqualTo("webhook");
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.providerMessageId()).isEqualTo("erp-1");
		assertThat(activeJourneys(customer, "WebhookProbe")).isZero();
		LoggedRequest request = TestWebhookReceiver.received(path).get(0);
		String sendKey = sent.processInstanceId() + ":SendTaskNotifyShop";
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo(sendKey);
		assertThat(request.getHeader("X-Encore-Signature")).startsWith("t=" + START.getEpochSecond() + ",");
		JsonNode envelope = this.json.readTree(request.getBodyAsString());
		assertThat(envelope.get("customerId").asText()).isEqualTo(customer);
		assertThat(envelope.get("journey").asText()).isEqualTo("WebhookProbe");
		assertThat(envelope.get("step").asText()).isEqualTo("SendTaskNotifyShop");
		assertThat(envelope.get("sendKey").asText()).isEqualTo(sendKey);
		assertThat(envelope.get("sentAt").asText()).isEqualTo(START.toString());
		assertThat(envelope.at("/event/name").asText()).isEqualTo(TRIGGER);
		assertThat(envelope.at("/event/properties/orderId").asText()).isEqualTo("o-77");
	}

	@Test
	void withATemplateTheStepPostsItsJsonWithTheCustomersDataEscaped() throws Exception {
		String path = "/hooks/template";
		this.receiver.stubFor(post(path).willReturn(aResponse().withStatus(204)));
		String customer = customer("Ada \"Countess\" Lovelace");

		MessageLog.Entry sent = run(customer, path, "order-to-erp");

		assertThat(sent.status()).isEqualTo("sent");
		JsonNode body = this.json.readTree(TestWebhookReceiver.received(path).get(0).getBodyAsString());
		assertThat(body).isEqualTo(this.json.valueToTree(
				Map.of("type", "customer.followup", "customer", customer, "name", "Ada \"Countess\" Lovelace")));
	}

	@Test
	void aServerErrorIsRetriedByTheJobAndOnePostIsDelivered() throws Exception {
		String path = "/hooks/flaky";
		this.receiver.stubFor(post(path).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		this.receiver
			.stubFor(post(path).inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
		String customer = customer("Ada");

		assertThat(run(customer, path, null).status()).isEqualTo("retrying");
		assertThat(entry(customer).reason()).isEqualTo("webhook_500");
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(entry(customer).status()).isEqualTo("sent");
		List<LoggedRequest> posts = TestWebhookReceiver.received(path);
		assertThat(posts).hasSize(2);
		assertThat(posts).extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly(posts.get(0).getHeader("Idempotency-Key"));
		assertThat(activeJourneys(customer, "WebhookProbe")).isZero();
	}

	@Test
	void aClientErrorFailsTheStepForGoodAndTheJourneyMovesOn() throws Exception {
		String path = "/hooks/refusing";
		this.receiver.stubFor(post(path).willReturn(aResponse().withStatus(400)));
		String customer = customer("Ada");

		MessageLog.Entry failed = run(customer, path, null);
		this.clock.advance(Duration.ofHours(1));

		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.reason()).isEqualTo("webhook_400");
		assertThat(TestWebhookReceiver.received(path)).hasSize(1);
		assertThat(activeJourneys(customer, "WebhookProbe")).isZero();
	}

	@Test
	void aHostThatIsNotAllowedIsNeverCalled() throws Exception {
		String customer = customer("Ada");
		// The receiver itself, by an address instead of its listed name.
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addModelInstance("webhook-probe.bpmn",
					journey("http://127.0.0.1:" + this.receiver.port() + "/hooks/internal", null))
			.deploy();
		send(TestEvents.track(TRIGGER, customer)).andExpect(status().isAccepted());
		this.clock.runDueJobs();

		assertThat(entry(customer).status()).isEqualTo("failed");
		assertThat(entry(customer).reason()).isEqualTo("webhook_host_refused");
		assertThat(this.receiver.getAllServeEvents()).isEmpty();
	}

	@Test
	void deployRefusesAWebhookStepWithoutUrlOrWithAHostThatIsNotAllowed() {
		assertThat(problems(journey(null, null))).containsExactly("a webhook step needs the input url");
		assertThat(problems(journey("http://10.0.0.7/hook", null))).containsExactly(
				"url http://10.0.0.7/hook: host 10.0.0.7 is not in encore.connectors.webhook.allowed-hosts");
		assertThat(problems(journey("https://erp.elsewhere.example/hook", null))).hasSize(1);
		assertThat(problems(journey("http://127.0.0.1/hook", null))).hasSize(1);
		assertThat(problems(journey(TestWebhookReceiver.url("/hooks/ok"), null))).isEmpty();
		assertThat(problems(journey(TestWebhookReceiver.url("/hooks/ok"), "order-to-erp"))).isEmpty();
	}

	@Test
	void aWebhookReachesNoPersonSoNeitherReachNorConsentsKnowIt() throws Exception {
		assertThat(this.reach
			.preferred(Map.of("email", "ada@example.org", "traits", Map.of("preferredChannel", "webhook"))))
			.isEqualTo("email");
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer("Ada")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"webhook\": \"revoked\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"webhook\"")));
	}

	private List<String> problems(BpmnModelInstance journey) {
		return this.validator.validate(Map.of("webhook-probe.bpmn", Bpmn.convertToString(journey).getBytes()))
			.stream()
			.filter((problem) -> "SendTaskNotifyShop".equals(problem.elementId()))
			.map(JourneyProblem::message)
			.toList();
	}

}
