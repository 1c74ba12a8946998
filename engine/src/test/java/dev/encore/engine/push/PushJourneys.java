package dev.encore.engine.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SendTaskBuilder;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestEvents;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;

/** What the push tests share: the storefront's requests and a one-step push journey. */
final class PushJourneys {

	private PushJourneys() {
	}

	/** A request as the storefront sends it: its write key, no login. */
	static MockHttpServletRequestBuilder storefront(MockHttpServletRequestBuilder request) {
		return request.with(anonymous())
			.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
				.encodeToString((SegmentFixtures.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)));
	}

	static String subscriptionJson(String endpoint, String p256dh, String auth) {
		return "{\"endpoint\": \"" + endpoint + "\", \"expirationTime\": null, \"keys\": {\"p256dh\": \"" + p256dh
				+ "\", \"auth\": \"" + auth + "\"}}";
	}

	/**
	 * Mei in Taipei (17:00 at the tests' start, outside quiet hours), one item in her
	 * cart.
	 */
	static List<TestEvents> mei(String customer) {
		return List.of(
				TestEvents.identify(customer, customer + "@example.org", "Mei").withTrait("timezone", "Asia/Taipei"),
				TestEvents.checkoutStarted(customer)
					.with("products", List.of(Map.of("name", "烏龍茶", "quantity", 2, "price", 450))));
	}

	/**
	 * One marketing send step on the channel with the cart reminder, plus extra inputs.
	 */
	static BpmnModelInstance journey(String key, String channel, Map<String, String> inputs) {
		SendTaskBuilder send = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEventPush")
			.sendTask("SendTaskCartReminder")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", channel)
			.camundaInputParameter("templateId", "cart-reminder")
			.camundaInputParameter("messageType", "marketing");
		inputs.forEach(send::camundaInputParameter);
		return send.endEvent("EndEventPush").done();
	}

}
