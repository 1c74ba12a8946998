package dev.encore.engine.journey.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.engine.journey.sandbox.HostileJourneys.Payload;
import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deploying a journey never runs code: every way a BPMN or DMN file can carry code is
 * refused by the deploy API (a marketer's login and the CI token), by Camunda's own
 * deployment API (what an ADMIN reaches through the webapps), and again at run time for a
 * definition that reached the database some other way. None of them ever touches the
 * marker file their code would create.
 */
class JourneySandboxTest extends EncoreIntegrationTest {

	private static final String DEPLOYMENT = "sandbox-test";

	private static final RequestPostProcessor MARKETER = httpBasic("marketer", "test-password");

	private static final RequestPostProcessor DEPLOY_TOKEN = (request) -> {
		request.addHeader("Authorization", "Bearer test-deploy-token");
		return request;
	};

	/**
	 * A journey that waits before its gateway, so a test can change it while it waits.
	 */
	private static final String WAITING = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="https://encore.dev/test">
			  <bpmn:process id="SandboxProbe" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="StartEvent" />
			    <bpmn:sequenceFlow id="Flow1" sourceRef="StartEvent" targetRef="GatewayChoose" />
			    <bpmn:exclusiveGateway id="GatewayChoose" camunda:asyncBefore="true" default="FlowDefault" />
			    <bpmn:sequenceFlow id="FlowChosen" sourceRef="GatewayChoose" targetRef="EndEvent">
			      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">CONDITION</bpmn:conditionExpression>
			    </bpmn:sequenceFlow>
			    <bpmn:sequenceFlow id="FlowDefault" sourceRef="GatewayChoose" targetRef="EndEvent" />
			    <bpmn:endEvent id="EndEvent" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcTemplate jdbc;

	static List<Payload> hostile() {
		return HostileJourneys.all();
	}

	@BeforeEach
	@AfterEach
	void noMarkerNorDeployment() throws Exception {
		deleteDeployments(DEPLOYMENT);
		Files.deleteIfExists(HostileJourneys.MARKER);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void theDeployApiRefusesItNamingTheElement(Payload payload) throws Exception {
		long deployments = this.repository.createDeploymentQuery().count();
		for (RequestPostProcessor login : List.of(MARKETER, DEPLOY_TOKEN)) {
			this.mvc
				.perform(multipart("/api/v1/journeys")
					.file(new MockMultipartFile("files", payload.file(), "application/xml", payload.bytes()))
					.with(anonymous())
					.with(login))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.problems[*].elementId", hasItem(payload.elementId())));
		}
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(HostileJourneys.MARKER).doesNotExist();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void camundasOwnDeploymentApiRefusesItNamingTheElement(Payload payload) {
		assertThatThrownBy(() -> this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addString(payload.file(), payload.content())
			.deploy()).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("carries code")
			.hasMessageContaining(payload.elementId());
		assertThat(this.repository.createDeploymentQuery().deploymentName(DEPLOYMENT).count()).isZero();
		assertThat(HostileJourneys.MARKER).doesNotExist();
	}

	@Test
	void caseDefinitionsAreRefusedTheyRunListenersOfTheirOwn() {
		String cmmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/cmmn" id="Defs" targetNamespace="https://encore.dev/test">
				  <cmmn:case id="HostileCase"><cmmn:casePlanModel id="Plan">
				    <cmmn:extensionElements>
				      <camunda:caseExecutionListener event="create" class="java.lang.Runtime" />
				    </cmmn:extensionElements>
				  </cmmn:casePlanModel></cmmn:case>
				</cmmn:definitions>
				""";
		assertThatThrownBy(
				() -> this.repository.createDeployment().name(DEPLOYMENT).addString("hostile.cmmn", cmmn).deploy())
			.hasMessageContaining("carries code")
			.hasMessageContaining("CMMN");
		assertThat(this.repository.createCaseDefinitionQuery().caseDefinitionKey("HostileCase").count()).isZero();
	}

	/**
	 * A definition changed in the database behind the engine's back (an older version, a
	 * restore, a hand edit) is checked again when the engine loads it: the waiting step
	 * fails into an incident naming the element, and nothing runs.
	 */
	@Test
	void aDefinitionThatReachedTheDatabaseAnotherWayFailsIntoAnIncident() {
		String deployment = this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addString("sandbox-probe.bpmn", WAITING.replace("CONDITION", "${chosen == 'yes'}"))
			.deploy()
			.getId();
		String instance = this.runtime.startProcessInstanceByKey("SandboxProbe", Map.of("chosen", (Object) "no"))
			.getId();
		String hostile = WAITING.replace("CONDITION", HostileJourneys.EXEC.replace("'", "&apos;"));
		this.jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?",
				hostile.getBytes(StandardCharsets.UTF_8), deployment, "sandbox-probe.bpmn");
		configuration().getDeploymentCache().discardProcessDefinitionCache();

		// Each try fails naming the element; once the retries (R5/PT5M) are spent, an
		// incident.
		for (Job step = waitingJob(instance); step.getRetries() > 0; step = waitingJob(instance)) {
			String job = step.getId();
			assertThatThrownBy(() -> this.management.executeJob(job)).hasMessageContaining("carries code")
				.hasMessageContaining("FlowChosen");
		}
		Incident incident = this.runtime.createIncidentQuery().processInstanceId(instance).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("GatewayChoose");
		assertThat(incident.getIncidentMessage()).contains("FlowChosen");
		assertThat(HostileJourneys.MARKER).doesNotExist();
		// Disarmed, not unreadable: support can still end the customer's journey.
		this.runtime.deleteProcessInstance(instance, "support ended it");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
	}

	/**
	 * The run-time half, with no scan in the way: the engine's own expression manager,
	 * evaluating against a real waiting execution, refuses every call and property that
	 * is not a journey bean's, a variable's or a plain value's.
	 */
	static List<String> reachingFurther() {
		return List.of(HostileJourneys.EXEC, "${execution.getProcessEngine()}", "${execution.processEngineServices}",
				"${execution.getProcessEngineServices().getRepositoryService()}", "${execution['processEngine']}",
				"${chosen.getClass()}", "${chosen.class}", "${localTime.getClass()}", "${split.hashCode()}",
				"${localTime.clock}", "${chosen.bytes}");
	}

	@ParameterizedTest
	@MethodSource("reachingFurther")
	void theEnginesExpressionsRefuseWhatTheSandboxDoesNotAllow(String expression) {
		ExecutionEntity execution = waitingExecution();
		assertThatThrownBy(() -> evaluate(expression, execution))
			.hasRootCauseInstanceOf(ExpressionRefusedException.class)
			.rootCause()
			.hasMessageStartingWith("Journey expressions may not");
		assertThat(HostileJourneys.MARKER).doesNotExist();
	}

	@Test
	void journeyBeansVariablesAndValuesStillResolve() {
		ExecutionEntity execution = waitingExecution();
		assertThat(evaluate("${chosen == 'no' && chosen.toUpperCase() == 'NO'}", execution)).isEqualTo(true);
		assertThat(evaluate("${split.branch(execution, 'a', 0, 100)}", execution)).isEqualTo(true);
		assertThat(evaluate("${reach.preferred(profile)}", execution)).isNotNull();
		assertThatThrownBy(() -> evaluate("${environment.getProperty('ENCORE_DEPLOY_TOKEN')}", execution))
			.hasMessageContaining("Unknown property used in expression")
			.hasMessageContaining("environment");
	}

	/**
	 * The profile's sections are plain maps and lists: read by key and index, with the
	 * value methods of lists, and nothing of the objects behind them.
	 */
	@Test
	void loyaltyAndInterestsReadAsMapsAndListsAndNoFurther() {
		ExecutionEntity execution = waitingExecution();
		assertThat(evaluate("${profile.loyalty.tier == 'member' && profile.loyalty['points'] == 0}", execution))
			.isEqualTo(true);
		assertThat(evaluate("${profile.loyalty.perks.earlyAccessHours == 0}", execution)).isEqualTo(true);
		assertThat(evaluate("${profile.loyalty.nextTier}", execution)).isEqualTo("silver");
		assertThat(evaluate("${profile.interests.topCategories.size() == 0}", execution)).isEqualTo(true);
		assertThat(evaluate("${profile.interests.topCategories[0] == null}", execution)).isEqualTo(true);
		for (String further : List.of("${profile.loyalty.getClass()}",
				"${profile.interests.topCategories.getClass()}")) {
			assertThatThrownBy(() -> evaluate(further, execution)).as(further)
				.hasRootCauseInstanceOf(ExpressionRefusedException.class);
		}
	}

	/**
	 * DMN decisions run by the engine's DMN engine: JUEL goes through the same sandbox,
	 * script languages find no script engine, FEEL has no external (Java) functions.
	 */
	@Test
	void decisionsRunNoCodeInAnyExpressionLanguage() {
		DmnEngine dmn = configuration().getDmnEngine();
		for (String[] decision : new String[][] { { "juel", HostileJourneys.EXEC },
				{ "javascript", "java.lang.Runtime.getRuntime().exec('touch " + HostileJourneys.MARKER + "')" },
				{ "feel", "function(x) external { java: { class: \"java.lang.Runtime\", method signature:"
						+ " \"getRuntime()\" } }(1)" } }) {
			String xml = """
					<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D"
					    namespace="https://encore.dev/test" expressionLanguage="%s">
					  <decision id="Hostile" name="Hostile"><literalExpression><text>%s</text></literalExpression></decision>
					</definitions>"""
				.formatted(decision[0], decision[1].replace("\"", "&quot;"));
			assertThatThrownBy(() -> dmn.evaluateDecision(
					dmn.parseDecision("Hostile", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
					Variables.createVariables()))
				.as(decision[0])
				.isNotNull();
		}
		assertThat(HostileJourneys.MARKER).doesNotExist();
	}

	private Job waitingJob(String instance) {
		return this.management.createJobQuery().processInstanceId(instance).singleResult();
	}

	private ExecutionEntity waitingExecution() {
		this.repository.createDeployment()
			.name(DEPLOYMENT)
			.addString("sandbox-probe.bpmn", WAITING.replace("CONDITION", "${chosen == 'yes'}"))
			.deploy();
		String instance = this.runtime
			.startProcessInstanceByKey("SandboxProbe", newCustomerId(), Map.of("chosen", (Object) "no"))
			.getId();
		return configuration().getCommandExecutorTxRequired()
			.execute((context) -> context.getExecutionManager().findExecutionById(instance));
	}

	private Object evaluate(String expression, ExecutionEntity execution) {
		return configuration().getCommandExecutorTxRequired().execute((context) -> {
			ExecutionEntity current = context.getExecutionManager().findExecutionById(execution.getId());
			return configuration().getExpressionManager().createExpression(expression).getValue(current);
		});
	}

	private ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
	}

}
