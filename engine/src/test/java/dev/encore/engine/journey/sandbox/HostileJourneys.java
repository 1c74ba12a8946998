package dev.encore.engine.journey.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One journey per way a BPMN or DMN file can carry code, each the smallest a marketer (or
 * an attacker with a marketer's login) could upload. Every one would touch
 * {@link #MARKER} if it ran.
 */
public final class HostileJourneys {

	/** What the payloads would create: its absence shows nothing ran. */
	public static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "encore-sandbox-marker");

	/** Runs an operating-system command through reflection, as reported against 0.1. */
	public static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
			+ ".exec('touch " + MARKER + "')}";

	private static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
			    xmlns:other="urn:example:other" id="Defs" targetNamespace="https://encore.dev/test">
			  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
			    <bpmn:startEvent id="StartEvent" />
			    <bpmn:sequenceFlow id="Flow1" sourceRef="StartEvent" targetRef="Task" />
			    %s
			    <bpmn:sequenceFlow id="Flow2" sourceRef="Task" targetRef="EndEvent" />
			    <bpmn:endEvent id="EndEvent" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	/** A hostile file: its name, its content and the element a refusal must name. */
	public record Payload(String name, String file, String content, String elementId) {

		byte[] bytes() {
			return this.content.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	private HostileJourneys() {
	}

	public static List<Payload> all() {
		return List.of(bpmn("java class", "<bpmn:serviceTask id=\"Task\" camunda:class=\"java.lang.Runtime\" />"),
				bpmn("legacy activiti class",
						"<bpmn:serviceTask id=\"Task\" activiti:class=\"dev.encore.engine.EncoreApplication\" />"),
				bpmn("class in an unknown namespace",
						"<bpmn:serviceTask id=\"Task\" other:class=\"java.lang.Runtime\" />"),
				bpmn("reflection in a service task expression",
						"<bpmn:serviceTask id=\"Task\" camunda:expression=\"" + EXEC + "\" />"),
				bpmn("engine configuration through execution",
						"<bpmn:serviceTask id=\"Task\" camunda:expression=\"${execution.getProcessEngine()"
								+ ".getProcessEngineConfiguration().getDataSource()}\" />"),
				bpmn("environment through a bean that is no journey bean",
						"<bpmn:serviceTask id=\"Task\" camunda:expression=\"${environment.getProperty('ENCORE_DEPLOY_TOKEN')}\" />"),
				bpmn("delegate expression that is no journey bean",
						"<bpmn:serviceTask id=\"Task\" camunda:delegateExpression=\"${processEngineConfiguration}\" />"),
				bpmn("execution listener class", listener("camunda", "class=\"java.lang.Runtime\"")),
				bpmn("execution listener expression", listener("camunda", "expression=\"" + EXEC + "\"")),
				bpmn("task listener in the legacy namespace",
						"<bpmn:userTask id=\"Task\"><bpmn:extensionElements><activiti:taskListener event=\"create\""
								+ " class=\"java.lang.Runtime\" /></bpmn:extensionElements></bpmn:userTask>"),
				bpmn("script task",
						"<bpmn:scriptTask id=\"Task\" scriptFormat=\"javascript\"><bpmn:script>"
								+ "java.lang.Runtime.getRuntime().exec('touch " + MARKER
								+ "')</bpmn:script></bpmn:scriptTask>"),
				bpmn("external script resource",
						"<bpmn:scriptTask id=\"Task\" scriptFormat=\"groovy\" camunda:resource=\"deployment://x.groovy\" />"),
				bpmn("listener script",
						"<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
								+ "<camunda:script scriptFormat=\"groovy\">'touch " + MARKER
								+ "'.execute()</camunda:script>"
								+ "</camunda:executionListener></bpmn:extensionElements></bpmn:task>"),
				bpmn("legacy activiti listener script",
						"<bpmn:task id=\"Task\"><bpmn:extensionElements><activiti:executionListener event=\"start\">"
								+ "<activiti:script scriptFormat=\"javascript\">1</activiti:script>"
								+ "</activiti:executionListener></bpmn:extensionElements></bpmn:task>"),
				bpmn("input mapping script",
						"<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:inputOutput>"
								+ "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"javascript\">1"
								+ "</camunda:script></camunda:inputParameter></camunda:inputOutput>"
								+ "</bpmn:extensionElements></bpmn:task>"),
				bpmn("reflection in an input mapping",
						"<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:inputOutput>"
								+ "<camunda:inputParameter name=\"x\">" + EXEC + "</camunda:inputParameter>"
								+ "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>"),
				bpmn("connector",
						"<bpmn:serviceTask id=\"Task\"><bpmn:extensionElements><camunda:connector>"
								+ "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
								+ "</bpmn:extensionElements></bpmn:serviceTask>"),
				gateway("script condition",
						"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\""
								+ " language=\"groovy\">true</bpmn:conditionExpression>"),
				gateway("reflection in a condition",
						"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + EXEC.replace("'", "&apos;")
								+ "</bpmn:conditionExpression>"),
				gateway("process engine services in a condition",
						"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
								+ "${execution.processEngineServices.repositoryService != null}"
								+ "</bpmn:conditionExpression>"),
				dmn("DMN in JavaScript", "expressionLanguage=\"javascript\"", "\"vip\""),
				dmn("DMN in JUEL", "expressionLanguage=\"juel\"", "${'vip'}"), dmn("FEEL external function", "",
						"function(x) external { java: { class: \"java.lang.Runtime\", method signature: \"getRuntime()\" } }"));
	}

	private static Payload bpmn(String name, String task) {
		String key = "Hostile" + Integer.toHexString(name.hashCode());
		String process = PROCESS.formatted(key, task);
		if (task.contains("xsi:type")) {
			process = process.replace("xmlns:other",
					"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:other");
		}
		String elementId = name.contains("condition") ? "FlowHostile" : "Task";
		return new Payload(name, key + ".bpmn", process, elementId);
	}

	private static String listener(String prefix, String attributes) {
		return "<bpmn:task id=\"Task\"><bpmn:extensionElements><" + prefix + ":executionListener event=\"start\" "
				+ attributes + " /></bpmn:extensionElements></bpmn:task>";
	}

	private static Payload gateway(String name, String condition) {
		String task = "<bpmn:exclusiveGateway id=\"Task\" default=\"FlowDefault\" />"
				+ "<bpmn:sequenceFlow id=\"FlowHostile\" sourceRef=\"Task\" targetRef=\"EndEvent\">" + condition
				+ "</bpmn:sequenceFlow><bpmn:sequenceFlow id=\"FlowDefault\" sourceRef=\"Task\" targetRef=\"EndEvent\" />";
		return bpmn(name, task);
	}

	private static Payload dmn(String name, String language, String text) {
		String key = "Hostile" + Integer.toHexString(name.hashCode());
		String content = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions" name="Hostile"
				    namespace="https://encore.dev/test" %s>
				  <decision id="%s" name="Hostile" camunda:historyTimeToLive="1">
				    <literalExpression id="Expression"><text>%s</text></literalExpression>
				  </decision>
				</definitions>
				""".formatted(language, key, text.replace("\"", "&quot;"));
		return new Payload(name, key + ".dmn", content, language.isEmpty() ? "Expression" : "Definitions");
	}

}
