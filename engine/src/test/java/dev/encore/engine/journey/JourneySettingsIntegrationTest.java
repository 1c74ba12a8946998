package dev.encore.engine.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.journey.sandbox.SettingsVariable;
import dev.encore.engine.testsupport.JourneyScenarioTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings come from the BPMN's setting.* properties plus configuration
 * (application-test.yml), and a customer enters with them as one variable that
 * expressions read by name; customers who entered with a variable per setting keep
 * theirs.
 */
class JourneySettingsIntegrationTest extends JourneyScenarioTest {

	private static final String CART = "AbandonedCart";

	private static final String PROBE_DEPLOYMENT = "settings-probe";

	/** Reads a setting in a timer and in a condition, as the shipped journeys do. */
	private static final String PROBE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="https://encore.dev/test">
			  <bpmn:process id="SettingsProbe" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="StartEvent" />
			    <bpmn:sequenceFlow id="Flow1" sourceRef="StartEvent" targetRef="TimerWaitDelay" />
			    <bpmn:intermediateCatchEvent id="TimerWaitDelay">
			      <bpmn:timerEventDefinition><bpmn:timeDuration>${delay}</bpmn:timeDuration></bpmn:timerEventDefinition>
			    </bpmn:intermediateCatchEvent>
			    <bpmn:sequenceFlow id="Flow2" sourceRef="TimerWaitDelay" targetRef="GatewayChoose" />
			    <bpmn:exclusiveGateway id="GatewayChoose" default="FlowToB" />
			    <bpmn:sequenceFlow id="FlowToA" sourceRef="GatewayChoose" targetRef="EndEventA">
			      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">CONDITION</bpmn:conditionExpression>
			    </bpmn:sequenceFlow>
			    <bpmn:sequenceFlow id="FlowToB" sourceRef="GatewayChoose" targetRef="EndEventB" />
			    <bpmn:endEvent id="EndEventA" />
			    <bpmn:endEvent id="EndEventB" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Autowired
	JourneySettings settings;

	@AfterEach
	void removeProbe() {
		deleteDeployments(PROBE_DEPLOYMENT);
	}

	@Test
	void declaredSettingsWithConfiguredOverrides() {
		assertThat(this.settings.of(cartDefinition(), CART)).containsEntry("firstReminderDelay", "PT1H")
			.containsEntry("secondReminderDelay", "PT23H")
			.containsEntry("couponCode", "FROM-CONFIG");
	}

	@Test
	void aCustomerEntersWithTheSettingsAsOneVariableAndTheTimerWaitsTheSetting() throws Exception {
		String customer = customer();
		event(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));

		String instance = cartInstance(customer);
		List<VariableInstance> variables = this.runtime.createVariableInstanceQuery()
			.processInstanceIdIn(instance)
			.list();
		// Seven rows when each setting was a variable (below).
		assertThat(variables).extracting(VariableInstance::getName)
			.containsExactlyInAnyOrder(SettingsVariable.NAME, JourneyVariables.CUSTOMER_ID,
					JourneyVariables.TRIGGER_EVENT_ID, "holdout");
		assertThat(variables).filteredOn((variable) -> variable.getName().equals(SettingsVariable.NAME))
			.singleElement()
			.satisfies((variable) -> assertThat(SettingsVariable.decode((String) variable.getValue()))
				.isEqualTo(this.settings.of(cartDefinition(), CART))
				.containsEntry("couponCode", "FROM-CONFIG"));
		assertThat(firstReminderDue(instance)).isEqualTo(START.plus(Duration.ofHours(1)));
	}

	@Test
	void aCustomerWhoEnteredWithAVariablePerSettingKeepsThem() throws Exception {
		String customer = customer();
		event(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));
		String entered = cartInstance(customer);
		Object trigger = this.runtime.getVariable(entered, JourneyVariables.TRIGGER_EVENT_ID);
		this.runtime.deleteProcessInstance(entered, "entered again the old way");
		// As JourneyStarter started journeys before settings were one variable.
		Map<String, Object> oldStyle = new HashMap<>(Map.of("firstReminderDelay", "PT2H", "secondReminderDelay", "PT3H",
				"lastCallDelay", "PT4H", "couponCode", "OLD-STYLE"));
		oldStyle.putAll(Map.of(JourneyVariables.CUSTOMER_ID, customer, JourneyVariables.TRIGGER_EVENT_ID, trigger,
				"holdout", false));
		String instance = this.runtime.startProcessInstanceById(cartDefinition(), customer, oldStyle).getId();
		assertThat(this.runtime.createVariableInstanceQuery().processInstanceIdIn(instance).count()).isEqualTo(7);

		assertThat(firstReminderDue(instance)).isEqualTo(START.plus(Duration.ofHours(2)));
		this.clock.advance(Duration.ofHours(2));
		assertThat(subjects(customer, CART)).containsExactly("Ada, your cart is waiting");
		this.clock.advance(Duration.ofHours(3));
		assertThat(subjects(customer, CART)).hasSize(2);
		this.clock.advance(Duration.ofHours(4));
		assertThat(subjects(customer, CART)).hasSize(3).last().isEqualTo("Last call: your cart expires soon");
		assertThat(endEvents(CART, customer)).containsExactly("EndEventRemindersSent");
	}

	@Test
	void timersAndConditionsReadTheSettingsVariableAndAVariableOfTheSameNameWins() {
		deployProbe("${choice == 'a'}");
		String settings = SettingsVariable.encode(Map.of("delay", "PT5H", "choice", "a"));

		String fromSettings = startProbe(Map.of(SettingsVariable.NAME, settings));
		String fromVariables = startProbe(Map.of(SettingsVariable.NAME, settings, "delay", "PT2H", "choice", "b"));

		assertThat(probeDue(fromSettings)).isEqualTo(START.plus(Duration.ofHours(5)));
		assertThat(probeDue(fromVariables)).isEqualTo(START.plus(Duration.ofHours(2)));
		this.clock.advance(Duration.ofHours(5));
		assertThat(endEventOf(fromSettings)).isEqualTo("EndEventA");
		assertThat(endEventOf(fromVariables)).isEqualTo("EndEventB");
	}

	@Test
	void aNameThatIsNeitherVariableNorSettingStillFailsNamingIt() {
		deployProbe("${choice == 'a'}");
		String withoutDelay = SettingsVariable.encode(Map.of("choice", "a"));

		assertThatThrownBy(() -> startProbe(Map.of(SettingsVariable.NAME, withoutDelay)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Cannot resolve identifier 'delay'");
	}

	private String cartDefinition() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(CART)
			.latestVersion()
			.singleResult()
			.getId();
	}

	private String cartInstance(String customer) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(CART)
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();
	}

	private Instant firstReminderDue(String instance) {
		return this.management.createJobQuery()
			.processInstanceId(instance)
			.activityId("TimerWaitFirstReminderDelay")
			.singleResult()
			.getDuedate()
			.toInstant();
	}

	private void deployProbe(String condition) {
		this.repository.createDeployment()
			.name(PROBE_DEPLOYMENT)
			.addString("settings-probe.bpmn", PROBE.replace("CONDITION", condition))
			.deploy();
	}

	private String startProbe(Map<String, Object> variables) {
		return this.runtime.startProcessInstanceByKey("SettingsProbe", newCustomerId(), variables).getId();
	}

	private Instant probeDue(String instance) {
		return this.management.createJobQuery().processInstanceId(instance).singleResult().getDuedate().toInstant();
	}

	private String endEventOf(String instance) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityType("noneEndEvent")
			.singleResult()
			.getActivityId();
	}

}
