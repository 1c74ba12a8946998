package dev.encore.engine.access;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code cannot reach the engine through a deployment or a query, whichever door (every
 * kind of payload: {@code JourneySandboxTest}).
 */
class EngineHardeningTest extends EncoreIntegrationTest {

	private static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://encore.dev/test">
			  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="StartEvent" />
			    <bpmn:sequenceFlow id="Flow1" sourceRef="StartEvent" targetRef="Task" />
			    %s
			    <bpmn:sequenceFlow id="Flow2" sourceRef="Task" targetRef="EndEvent" />
			    <bpmn:endEvent id="EndEvent" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	private static final String SCRIPT_TASK = """
			<bpmn:scriptTask id="Task" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
			""";

	private static final String LISTENER_SCRIPT = """
			<bpmn:task id="Task"><bpmn:extensionElements>
			  <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'rm -rf /'.execute()</camunda:script></camunda:executionListener>
			</bpmn:extensionElements></bpmn:task>
			""";

	private static final String IO_SCRIPT = """
			<bpmn:task id="Task"><bpmn:extensionElements><camunda:inputOutput>
			  <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter>
			</camunda:inputOutput></bpmn:extensionElements></bpmn:task>
			""";

	@Autowired
	private FilterService filters;

	@Autowired
	private TaskService tasks;

	/**
	 * Straight into the engine, as Camunda's REST API and Cockpit deploy (the deploy API
	 * also validates first, see JourneyDeployApiTest).
	 */
	@Test
	void scriptsAreRefusedEvenWhenDeployedStraightIntoTheEngine() {
		for (String task : new String[] { SCRIPT_TASK, LISTENER_SCRIPT, IO_SCRIPT }) {
			assertThatThrownBy(() -> this.repository.createDeployment()
				.addString("scripted.bpmn", PROCESS.formatted("Scripted", task))
				.deploy()).as(task)
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("carries code")
				.hasMessageContaining("script");
		}
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("Scripted").count()).isZero();
		// Without the script the same process deploys: the refusal is about the code.
		String plain = PROCESS.formatted("Unscripted", "<bpmn:task id=\"Task\" />");
		String deployment = this.repository.createDeployment().addString("plain.bpmn", plain).deploy().getId();
		this.repository.deleteDeployment(deployment, true);
	}

	@Test
	void expressionsInSavedFiltersAndAdHocQueriesAreRefused() {
		Filter filter = this.filters.newTaskFilter("mine")
			.setQuery(this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		assertThatThrownBy(() -> this.filters.saveFilter(filter)).hasMessageContaining("Expressions are forbidden");
		assertThatThrownBy(() -> this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
			.hasMessageContaining("Expressions are forbidden");
	}

}
