package dev.encore.engine.correlation;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the deployed journeys react to is kept in memory: a deploy or a delete must count
 * from the very next event (the deployments table is checked in every event's
 * transaction, so another node's deploy counts as soon too).
 */
class JourneyReactionsTest extends EncoreIntegrationTest {

	private static final String EVENT = "Wishlist Shared";

	private static final String JOURNEY = "TriggerProbe";

	@AfterEach
	void removeProbe() {
		deleteDeployments(JOURNEY);
	}

	private void deploy(String waitName) {
		BpmnModelInstance probe = Bpmn.createExecutableProcess(JOURNEY)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.signal(EVENT)
			.receiveTask(waitName)
			.message("Never Sent")
			.endEvent()
			.done();
		this.repository.createDeployment().name(JOURNEY).addModelInstance(JOURNEY + ".bpmn", probe).deploy();
	}

	/** Where the customer's probe instance waits after the event (v1 or v2), or null. */
	private String startedOn(String customer) throws Exception {
		send(TestEvents.track(EVENT, customer)).andExpect(status().isAccepted());
		List<ProcessInstance> instances = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(JOURNEY)
			.processInstanceBusinessKey(customer)
			.list();
		assertThat(instances).hasSizeLessThanOrEqualTo(1);
		return instances.isEmpty() ? null : this.runtime.getActiveActivityIds(instances.get(0).getId()).get(0);
	}

	@Test
	void aDeployOrDeleteOnThisNodeCountsFromTheNextEvent() throws Exception {
		// Known, and cached, as starting nothing.
		assertThat(startedOn(newCustomerId())).isNull();

		deploy("v1");
		assertThat(startedOn(newCustomerId())).isEqualTo("v1");

		deploy("v2");
		assertThat(startedOn(newCustomerId())).as("the latest version").isEqualTo("v2");

		removeProbe();
		// A definition cached after its deletion would fail the event, not just skip it.
		assertThat(startedOn(newCustomerId())).isNull();
	}

}
