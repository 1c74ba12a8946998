package dev.encore.engine.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import org.springframework.stereotype.Component;

/**
 * What the marketer named a journey element ("Wait first reminder delay"): support reads
 * names, not ids. Camunda caches the parsed model per definition.
 */
@Component
class ElementNames {

	private final RepositoryService repository;

	ElementNames(RepositoryService repository) {
		this.repository = repository;
	}

	/** The element's name, or its id when the marketer left it unnamed. */
	String name(String processDefinitionId, String elementId) {
		if (elementId == null) {
			return null;
		}
		ModelElementInstance element = element(processDefinitionId, elementId);
		return element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()
				? flow.getName() : elementId;
	}

	boolean isEventSubprocess(String processDefinitionId, String elementId) {
		return element(processDefinitionId, elementId) instanceof SubProcess subProcess
				&& subProcess.triggeredByEvent();
	}

	private ModelElementInstance element(String processDefinitionId, String elementId) {
		return this.repository.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
	}

}
