package dev.encore.engine.journey.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.Condition;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import dev.encore.engine.journey.sandbox.CodeRefusal.CodeRefusedException;

/**
 * Disarms the elements of a stored definition that {@link CodeScan} found code in, as the
 * engine parses it again: such an activity fails when reached, such a condition fails
 * when evaluated, their listeners are dropped. The step becomes an incident that names
 * the element; its class is never loaded, its script never run.
 */
final class DisarmedElements extends AbstractBpmnParseListener {

	/**
	 * Findings by element id, by deployment: handed over from the deployer that ran just
	 * before the parse on this thread (the parse does not know its resource's name yet).
	 */
	private final ThreadLocal<Map<String, Map<String, String>>> expected = ThreadLocal.withInitial(HashMap::new);

	void expect(String deploymentId, List<CodeScan.Finding> findings) {
		Map<String, String> byElement = this.expected.get().computeIfAbsent(deploymentId, (id) -> new HashMap<>());
		findings.stream()
			.filter((finding) -> finding.elementId() != null)
			.forEach((finding) -> byElement.merge(finding.elementId(), finding.message(),
					(first, second) -> first + "; " + second));
	}

	@Override
	public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> definitions) {
		for (ProcessDefinitionEntity definition : definitions) {
			Map<String, String> findings = this.expected.get().get(definition.getDeploymentId());
			if (findings != null) {
				if (findings.containsKey(definition.getKey())) {
					definition.getListeners().clear();
				}
				disarm(definition, findings);
			}
		}
		definitions.forEach((definition) -> this.expected.get().remove(definition.getDeploymentId()));
	}

	private static void disarm(ScopeImpl scope, Map<String, String> findings) {
		for (ActivityImpl activity : scope.getActivities()) {
			String finding = findings.get(activity.getId());
			if (finding != null) {
				activity.getListeners().clear();
				activity.setIoMapping(null);
				activity.setActivityBehavior(new Refused(activity.getId() + ": " + finding));
			}
			for (PvmTransition transition : activity.getOutgoingTransitions()) {
				String conditionFinding = findings.get(transition.getId());
				if (conditionFinding != null) {
					((TransitionImpl) transition).setProperty(BpmnParse.PROPERTYNAME_CONDITION,
							new Refused(transition.getId() + ": " + conditionFinding));
				}
			}
			disarm(activity, findings);
		}
	}

	/** Stands in for a disarmed activity or condition. */
	private record Refused(String finding) implements ActivityBehavior, Condition {

		@Override
		public void execute(ActivityExecution execution) {
			throw new CodeRefusedException(this.finding);
		}

		@Override
		public boolean evaluate(DelegateExecution execution) {
			throw new CodeRefusedException(this.finding);
		}

		@Override
		public boolean evaluate(VariableScope scope, DelegateExecution execution) {
			throw new CodeRefusedException(this.finding);
		}

		@Override
		public boolean tryEvaluate(VariableScope scope, DelegateExecution execution) {
			throw new CodeRefusedException(this.finding);
		}

	}

}
