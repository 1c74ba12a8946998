package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A send step after a timer runs in the timer's job: one job per reminder, with deferral
 * and retries acting on the timer's job.
 */
class SendAfterTimerInlineTest extends EncoreIntegrationTest {

	private static final String PROBE = "TimerSendProbe";

	/** 22:00 in Taipei: marketing SMS waits until 09:00 (01:00 UTC). */
	private static final Instant TAIPEI_TEN_PM = Instant.parse("2026-11-23T14:00:00Z");

	@Autowired
	MessageLog messageLog;

	@AfterEach
	void removeProbe() {
		deleteDeployments(PROBE);
	}

	/**
	 * Start, an hour's wait, a gateway, a marketing SMS: asyncBefore as the templates set
	 * it.
	 */
	private void deployProbe() {
		this.repository.createDeployment()
			.name(PROBE)
			.addString(PROBE + ".bpmn",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
							    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="DefinitionsTimerSendProbe"
							    targetNamespace="https://encore.dev/journeys/test">
							  <bpmn:process id="TimerSendProbe" isExecutable="true" camunda:historyTimeToLive="1">
							    <bpmn:startEvent id="Start" />
							    <bpmn:sequenceFlow id="ToWait" sourceRef="Start" targetRef="Wait" />
							    <bpmn:intermediateCatchEvent id="Wait">
							      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
							    </bpmn:intermediateCatchEvent>
							    <bpmn:sequenceFlow id="ToGateway" sourceRef="Wait" targetRef="Gateway" />
							    <bpmn:exclusiveGateway id="Gateway" default="ToSend" />
							    <bpmn:sequenceFlow id="ToSend" sourceRef="Gateway" targetRef="SendTaskAfterTimer" />
							    <bpmn:sendTask id="SendTaskAfterTimer" camunda:asyncBefore="true" camunda:delegateExpression="${encoreSend}">
							      <bpmn:extensionElements>
							        <camunda:inputOutput>
							          <camunda:inputParameter name="channel">sms</camunda:inputParameter>
							          <camunda:inputParameter name="templateId">cart-reminder</camunda:inputParameter>
							          <camunda:inputParameter name="messageType">marketing</camunda:inputParameter>
							        </camunda:inputOutput>
							      </bpmn:extensionElements>
							    </bpmn:sendTask>
							    <bpmn:sequenceFlow id="ToEnd" sourceRef="SendTaskAfterTimer" targetRef="End" />
							    <bpmn:endEvent id="End" />
							  </bpmn:process>
							</bpmn:definitions>
							""")
			.deploy();
	}

	private List<String> asyncSteps(String processKey) {
		return this.management.createJobDefinitionQuery()
			.processDefinitionKey(processKey)
			.jobType("async-continuation")
			.list()
			.stream()
			.map(JobDefinition::getActivityId)
			.toList();
	}

	@Test
	void onlySendStepsThatFollowATimerLoseTheirOwnJob() {
		deployProbe();

		assertThat(asyncSteps(PROBE)).isEmpty();
		// Reached from a start event and from another send: still a job each.
		assertThat(asyncSteps("GuardrailProbe")).containsExactlyInAnyOrder("SendTaskProbe", "SendTaskFollowUpEmail");
		// The cart journey's first reminder follows its timer directly, the second one
		// through the channel gateway.
		assertThat(asyncSteps("AbandonedCart")).doesNotContain("SendTaskCartReminderEmail",
				"SendTaskCartSecondReminderEmail", "SendTaskCartSecondReminderSms", "SendTaskCartLastCallEmail");
	}

	@Test
	void aReminderInQuietHoursWaitsAtItsTimerAndIsSentOnceWhenTheyEnd() throws Exception {
		deployProbe();
		this.clock.setTo(TAIPEI_TEN_PM.minus(Duration.ofHours(1)));
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Mei")
			.withTrait("phone", "+886912345678")
			.withTrait("timezone", "Asia/Taipei")
			.withTrait("consents", Map.of("sms", "granted"))).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Oolong tea", 1, 12.0)).andExpect(status().isAccepted());
		String instance = this.runtime.startProcessInstanceByKey(PROBE, customer).getId();

		this.clock.advance(Duration.ofHours(1));

		assertThat(step(customer).status()).isEqualTo("deferred");
		assertThat(step(customer).deferredUntil()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
		assertThat(this.runtime.getActiveActivityIds(instance)).containsExactly("Wait");
		var timer = this.management.createJobQuery().processInstanceId(instance).singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
		assertThat(timer.getRetries()).as("a deferral is no failure").isEqualTo(5);

		this.clock.advance(Duration.ofHours(11));

		assertThat(step(customer).status()).isEqualTo("sent");
		assertThat(this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals(PROBE) && entry.status().equals("sent"))).hasSize(1);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
	}

	private MessageLog.Entry step(String customer) {
		return this.messageLog.forCustomer(customer)
			.stream()
			.filter((entry) -> entry.journey().equals(PROBE))
			.findFirst()
			.orElseThrow();
	}

}
