package dev.encore.engine.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SendTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.journey.ChannelReach;
import dev.encore.engine.journey.JourneyProblem;
import dev.encore.engine.journey.JourneyValidator;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestWebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A journey with an on-site step and webhook steps, end to end: the rendered message in
 * the customer's inbox for the storefront (its write key), gone once expired; marking it
 * seen emits {@code In-App Message Viewed}, on which the journey waits and continues.
 * Opt-out consent and caps apply to the inbox, quiet hours do not; none applies to
 * webhooks.
 */
class InboxJourneyTest extends EncoreIntegrationTest {

	private static final String DEPLOYMENT = "inbox-journey-test";

	private static final String TRIGGER = "Inbox Probe Started";

	private static final String NOTIFIED = "/hooks/inbox-notified";

	private static final String VIEWED = "/hooks/inbox-viewed";

	private final WireMockServer receiver = TestWebhookReceiver.get();

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private EventHistory events;

	@Autowired
	private ChannelReach reach;

	@Autowired
	private JourneyValidator validator;

	@BeforeEach
	void receiverAccepts() {
		this.receiver.stubFor(post(NOTIFIED).willReturn(aResponse().withStatus(200)));
		this.receiver.stubFor(post(VIEWED).willReturn(aResponse().withStatus(200)));
	}

	@AfterEach
	void cleanUp() {
		deleteDeployments(DEPLOYMENT);
		this.receiver.resetAll();
	}

	/**
	 * Inbox message, webhook to the shop, wait for the message to be seen, webhook again.
	 */
	private static BpmnModelInstance journey(String expiresIn, String weeklyCap) {
		SendTaskBuilder inbox = Bpmn.createExecutableProcess("InboxProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEventInboxProbe")
			.signal(TRIGGER)
			.sendTask("SendTaskInboxCart")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "onsite")
			.camundaInputParameter("templateId", "cart-reminder")
			.camundaInputParameter("messageType", "marketing");
		if (expiresIn != null) {
			inbox.camundaInputParameter("expiresIn", expiresIn);
		}
		BpmnModelInstance model = inbox.sendTask("SendTaskNotifyShop")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "webhook")
			.camundaInputParameter("url", TestWebhookReceiver.url(NOTIFIED))
			.camundaInputParameter("messageType", "marketing")
			.intermediateCatchEvent("CatchEventInAppMessageViewed")
			.message(InboxController.VIEWED)
			.sendTask("SendTaskThankShop")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "webhook")
			.camundaInputParameter("url", TestWebhookReceiver.url(VIEWED))
			.endEvent("EndEventViewed")
			.done();
		if (weeklyCap != null) {
			CamundaProperties properties = model.newInstance(CamundaProperties.class);
			CamundaProperty cap = model.newInstance(CamundaProperty.class);
			cap.setCamundaName("caps.marketing_per_week");
			cap.setCamundaValue(weeklyCap);
			properties.getCamundaProperties().add(cap);
			model.<Process>getModelElementById("InboxProbe").builder().addExtensionElement(properties);
		}
		return model;
	}

	private void deploy(BpmnModelInstance journey) {
		this.repository.createDeployment().name(DEPLOYMENT).addModelInstance("inbox-probe.bpmn", journey).deploy();
	}

	private String customer(String locale) throws Exception {
		String id = newCustomerId();
		send(TestEvents.identify(id, id + "@example.org", "Mei")
			.withTrait("locale", locale)
			.withTrait("timezone", "Asia/Taipei")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(id).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		return id;
	}

	private void start(String customer) throws Exception {
		send(TestEvents.track(TRIGGER, customer)).andExpect(status().isAccepted());
		this.clock.runDueJobs();
	}

	private ResultActions inbox(String customer) throws Exception {
		return this.mvc.perform(get("/api/v1/customers/{id}/inbox", customer).with(anonymous())
			.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY)));
	}

	private ResultActions seen(String customer, String messageId) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/customers/{id}/inbox/{message}/seen", customer, messageId)
			.with(anonymous())
			.header(HttpHeaders.AUTHORIZATION, SegmentFixtures.basic(SegmentFixtures.WRITE_KEY)));
	}

	private MessageLog.Entry sent(String customer, String step) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.activityId().equals(step))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theStepPutsTheRenderedMessageInTheInboxTheStorefrontReads() throws Exception {
		deploy(journey(null, null));
		String customer = customer("zh-TW");

		start(customer);

		MessageLog.Entry entry = sent(customer, "SendTaskInboxCart");
		assertThat(entry.status()).isEqualTo("sent");
		assertThat(entry.subject()).isEqualTo("Mei，您的購物車還在等您");
		inbox(customer).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(entry.providerMessageId()))
			.andExpect(jsonPath("$[0].title").value("Mei，您的購物車還在等您"))
			.andExpect(jsonPath("$[0].body").value("您的購物車裡還有 1 件商品。"))
			.andExpect(jsonPath("$[0].url").value("https://shop.example.com/cart"))
			.andExpect(jsonPath("$[0].sentAt").value(START.toString()))
			.andExpect(jsonPath("$[0].expiresAt").value(START.plus(Duration.ofDays(7)).toString()))
			.andExpect(jsonPath("$[0].seen").value(false));
		// The webhook step after it went too; the journey now waits for the message to be
		// seen.
		assertThat(TestWebhookReceiver.received(NOTIFIED)).hasSize(1);
		assertThat(activeJourneys(customer, "InboxProbe")).isOne();
		this.mvc.perform(get("/api/v1/customers/{id}/inbox", customer).with(anonymous()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anExpiredMessageIsNoLongerInTheInbox() throws Exception {
		deploy(journey("PT2H", null));
		String customer = customer("en");
		start(customer);

		this.clock.advance(Duration.ofMinutes(119));
		inbox(customer).andExpect(jsonPath("$[0].title").value("Mei, your cart is waiting"));

		this.clock.advance(Duration.ofMinutes(1));
		inbox(customer).andExpect(status().isOk()).andExpect(content().json("[]"));
		seen(customer, sent(customer, "SendTaskInboxCart").providerMessageId()).andExpect(status().isNotFound());
	}

	@Test
	void seeingTheMessageEmitsTheEventAndTheWaitingJourneyContinues() throws Exception {
		deploy(journey(null, null));
		String customer = customer("en");
		start(customer);
		String messageId = sent(customer, "SendTaskInboxCart").providerMessageId();

		seen(customer, messageId).andExpect(status().isNoContent());
		this.clock.runDueJobs();

		inbox(customer).andExpect(jsonPath("$[0].seen").value(true));
		List<EventHistory.RecordedEvent> viewed = this.events.forCustomer(customer)
			.stream()
			.filter((event) -> InboxController.VIEWED.equals(event.name()))
			.toList();
		assertThat(viewed).singleElement()
			.satisfies((event) -> assertThat(event.properties())
				.isEqualTo(Map.of("messageId", messageId, "journey", "InboxProbe", "step", "SendTaskInboxCart")));
		assertThat(TestWebhookReceiver.received(VIEWED)).hasSize(1);
		assertThat(activeJourneys(customer, "InboxProbe")).isZero();

		// Reported again: still one event.
		seen(customer, messageId).andExpect(status().isNoContent());
		assertThat(this.events.forCustomer(customer)).filteredOn((event) -> InboxController.VIEWED.equals(event.name()))
			.hasSize(1);
	}

	@Test
	void journeysMayWaitForTheEventButOnlyTheInboxApiEmitsIt() throws Exception {
		assertThat(this.validator
			.validate(Map.of("inbox-probe.bpmn", Bpmn.convertToString(journey("PT1H", null)).getBytes())))
			.extracting(JourneyProblem::elementId)
			.doesNotContain("CatchEventInAppMessageViewed", "SendTaskInboxCart", "SendTaskNotifyShop",
					"SendTaskThankShop");
		assertThat(this.validator
			.validate(Map.of("inbox-probe.bpmn", Bpmn.convertToString(journey("7 days", null)).getBytes())))
			.extracting(JourneyProblem::message)
			.contains("expiresIn '7 days' is not an ISO-8601 duration such as P7D or PT12H");

		send(TestEvents.track(InboxController.VIEWED, newCustomerId()).with("messageId", "forged"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		seen(newCustomerId(), "no-such-message").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("messageId"));
	}

	@Test
	void consentIsOptOutAndQuietHoursDoNotApply() throws Exception {
		deploy(journey(null, null));
		// 23:30 in Taipei: SMS and LINE would wait for morning.
		this.clock.setTo(Instant.parse("2026-11-23T15:30:00Z"));
		String shown = customer("en");
		String withdrawn = customer("en");
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", withdrawn).contentType(MediaType.APPLICATION_JSON)
				.content("{\"onsite\": \"revoked\"}"))
			.andExpect(status().isOk());

		start(shown);
		start(withdrawn);

		assertThat(sent(shown, "SendTaskInboxCart").status()).isEqualTo("sent");
		assertThat(sent(withdrawn, "SendTaskInboxCart").reason()).isEqualTo("unsubscribed:onsite");
		inbox(withdrawn).andExpect(content().json("[]"));
		// The webhook asks for no consent.
		assertThat(sent(withdrawn, "SendTaskNotifyShop").status()).isEqualTo("sent");
	}

	@Test
	void capsApplyToTheInboxButNotToWebhooks() throws Exception {
		deploy(journey(null, "0"));
		String customer = customer("en");

		start(customer);

		assertThat(sent(customer, "SendTaskInboxCart").reason()).isEqualTo("capped:marketing_per_week");
		assertThat(sent(customer, "SendTaskNotifyShop").status()).isEqualTo("sent");
		inbox(customer).andExpect(content().json("[]"));
	}

	@Test
	void erasureDeletesTheInbox() throws Exception {
		deploy(journey(null, null));
		String customer = customer("en");
		start(customer);
		inbox(customer).andExpect(jsonPath("$", hasSize(1)));

		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());

		inbox(customer).andExpect(content().json("[]"));
	}

	@Test
	void reachPicksTheInboxOnlyForACustomerWhoPrefersIt() {
		assertThat(this.reach.preferred(Map.of("id", "c-1", "email", "ada@example.org"))).isEqualTo("email");
		assertThat(this.reach
			.preferred(Map.of("id", "c-1", "email", "ada@example.org", "traits", Map.of("preferredChannel", "onsite"))))
			.isEqualTo("onsite");
	}

}
