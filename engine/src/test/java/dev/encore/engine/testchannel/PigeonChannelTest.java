package dev.encore.engine.testchannel;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import dev.encore.connectors.OutboundMessage;
import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.journey.ChannelReach;
import dev.encore.engine.journey.JourneyValidator;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adding a channel is its connector plus one registration: the pigeon channel, which
 * exists only in this package (and its template text), goes through a journey's send
 * step, guardrails, consents, reach, preview and validation with no edit to delivery,
 * profile or journey code.
 */
@Import(PigeonChannel.Registration.class)
class PigeonChannelTest extends EncoreIntegrationTest {

	private static final String DEPLOYMENT = "pigeon-channel-test";

	@Autowired
	private PigeonPost pigeons;

	@Autowired
	private MessageLog messageLog;

	@Autowired
	private ChannelReach reach;

	@Autowired
	private JourneyValidator validator;

	@AfterEach
	void removeJourney() {
		deleteDeployments(DEPLOYMENT);
	}

	/** One send step on the pigeon channel, as the element template would set it up. */
	private static BpmnModelInstance journey() {
		return Bpmn.createExecutableProcess("PigeonHello")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEventPigeon")
			.sendTask("SendTaskPigeonHello")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${encoreSend}")
			.camundaInputParameter("channel", "pigeon")
			.camundaInputParameter("templateId", "pigeon-hello")
			.camundaInputParameter("messageType", "marketing")
			.endEvent("EndEventPigeon")
			.done();
	}

	private String customer() throws Exception {
		String id = newCustomerId();
		send(TestEvents.identify(id, id + "@example.org", "Mei")
			.withTrait("pigeonLoft", "loft-7")
			.withTrait("timezone", "Asia/Taipei")).andExpect(status().isAccepted());
		return id;
	}

	private MessageLog.Entry runJourney(String customer) {
		this.repository.createDeployment().name(DEPLOYMENT).addModelInstance("pigeon-hello.bpmn", journey()).deploy();
		this.runtime.startProcessInstanceByKey("PigeonHello", customer);
		this.clock.runDueJobs();
		assertThat(activeJourneys(customer, "PigeonHello")).isZero();
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals("PigeonHello"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aJourneySendStepSendsOnTheRegisteredChannelToTheAddressItsDescriptorNames() throws Exception {
		String customer = customer();

		MessageLog.Entry sent = runJourney(customer);

		assertThat(sent.channel()).isEqualTo("pigeon");
		assertThat(sent.status()).isEqualTo("sent");
		assertThat(sent.preview()).isEqualTo("Coo, Mei: a note for loft loft-7.");
		List<OutboundMessage> carried = this.pigeons.carriedTo(customer);
		assertThat(carried).singleElement().satisfies((message) -> {
			assertThat(message.recipient()).isEqualTo("loft-7");
			assertThat(message.content()).isEqualTo(new PigeonPost.Note("Coo, Mei: a note for loft loft-7."));
			assertThat(message.sendKey()).isEqualTo(sent.processInstanceId() + ":SendTaskPigeonHello");
		});
	}

	@Test
	void itsConsentIsKeptAndItsGuardrailDefaultsApply() throws Exception {
		String customer = customer();
		this.mvc
			.perform(put("/api/v1/customers/{id}/consents", customer).contentType(MediaType.APPLICATION_JSON)
				.content("{\"pigeon\": \"revoked\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pigeon.granted").value(false));

		MessageLog.Entry suppressed = runJourney(customer);

		assertThat(suppressed.status()).isEqualTo("suppressed");
		assertThat(suppressed.reason()).isEqualTo("unsubscribed:pigeon");
		assertThat(this.pigeons.carriedTo(customer)).isEmpty();
	}

	@Test
	void reachPreviewAndValidationKnowTheChannel() throws Exception {
		assertThat(this.reach.preferred(Map.of("pigeonLoft", "loft-7", "traits", Map.of("preferredChannel", "pigeon"))))
			.isEqualTo("pigeon");
		assertThat(this.reach.preferred(Map.of("pigeonLoft", "loft-7"))).isEqualTo("pigeon");

		this.mvc
			.perform(post("/api/v1/templates/pigeon-hello/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"pigeon\", \"profile\": {\"firstName\": \"Ada\", \"pigeonLoft\": \"9\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channel").value("pigeon"))
			.andExpect(jsonPath("$.text").value("Coo, Ada: a note for loft 9."));

		assertThat(this.validator.validate(Map.of("pigeon-hello.bpmn", Bpmn.convertToString(journey()).getBytes())))
			.isEmpty();
	}

}
