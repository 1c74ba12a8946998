package dev.encore.engine.journey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.stereotype.Component;

/**
 * Refuses any deployment that carries a script, whichever door it comes through (Encore's
 * deploy API validates first; Camunda's REST API and Cockpit do not): in Camunda 7 a
 * script is code running inside the engine with its rights.
 */
@Component
class ScriptRefusal extends AbstractProcessEnginePlugin {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				refuseScripts(process, definition.getKey(), definition.getKey());
			}
		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	private static void refuseScripts(Element element, String processKey, String nearestId) {
		String owner = element.attribute("id") != null ? element.attribute("id") : nearestId;
		String what = null;
		if ("scriptTask".equals(element.getTagName())) {
			what = "a script task";
		}
		else if ("script".equals(element.getTagName()) && CAMUNDA_NS.equals(element.getUri())) {
			what = "an inline script";
		}
		else if ("conditionExpression".equals(element.getTagName()) && element.attribute("language") != null) {
			what = "a script condition";
		}
		if (what != null) {
			throw new ScriptRefusedException(
					"Process " + processKey + " holds " + what + " (" + owner + "): scripts are not allowed");
		}
		for (Element child : element.elements()) {
			refuseScripts(child, processKey, owner);
		}
	}

	/** A deployment refused because it carries code. */
	static class ScriptRefusedException extends org.camunda.bpm.engine.ProcessEngineException {

		ScriptRefusedException(String message) {
			super(message);
		}

	}

}
