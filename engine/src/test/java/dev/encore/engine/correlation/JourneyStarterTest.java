package dev.encore.engine.correlation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer's active journeys are read once per event: a journey the same event has
 * just started must still count for the next journey's checks.
 */
class JourneyStarterTest extends EncoreIntegrationTest {

	private static final String EVENT = "Gift Card Redeemed";

	private static final String DEPLOYMENT = "StarterProbes";

	@AfterEach
	void removeProbes() {
		deleteDeployments(DEPLOYMENT);
	}

	/**
	 * A journey started by {@link #EVENT} that waits, entered only if the filter holds.
	 */
	private static String journey(String key, String filter) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions%1$s"
				    targetNamespace="https://encore.dev/journeys/test">
				  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:extensionElements>
				      <camunda:properties>
				        <camunda:property name="entry.filter" value="%2$s" />
				      </camunda:properties>
				    </bpmn:extensionElements>
				    <bpmn:startEvent id="Start"><bpmn:signalEventDefinition signalRef="Signal" /></bpmn:startEvent>
				    <bpmn:sequenceFlow id="ToWait" sourceRef="Start" targetRef="Wait" />
				    <bpmn:receiveTask id="Wait" messageRef="Never" />
				    <bpmn:sequenceFlow id="ToEnd" sourceRef="Wait" targetRef="End" />
				    <bpmn:endEvent id="End" />
				  </bpmn:process>
				  <bpmn:signal id="Signal" name="%3$s" />
				  <bpmn:message id="Never" name="Never Sent" />
				</bpmn:definitions>
				""".formatted(key, filter, EVENT);
	}

	@Test
	void aJourneyStartedByTheSameEventCountsAsActiveForTheNext() throws Exception {
		// Each enters only while the customer is not on the other: whichever the event
		// starts first, the second must see it.
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addString("ProbeA.bpmn", journey("ProbeA", "${!activeJourneys.contains('ProbeB')}"))
			.addString("ProbeB.bpmn", journey("ProbeB", "${!activeJourneys.contains('ProbeA')}"))
			.deploy();
		String customer = newCustomerId();

		send(TestEvents.track(EVENT, customer)).andExpect(status().isAccepted());

		assertThat(activeJourneys(customer, "ProbeA") + activeJourneys(customer, "ProbeB")).isEqualTo(1);

		// And across events, the one-active-instance rule: a second event starts neither.
		send(TestEvents.track(EVENT, customer)).andExpect(status().isAccepted());
		assertThat(activeJourneys(customer, "ProbeA") + activeJourneys(customer, "ProbeB")).isEqualTo(1);
	}

}
