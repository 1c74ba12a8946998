package dev.encore.engine.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.stereotype.Component;

/**
 * A send step reached only from timers (directly or through exclusive gateways, which run
 * in the same job) runs in the timer's job instead of a job of its own. The element
 * templates make every send step {@code asyncBefore} so that a slow provider holds a job
 * thread, never an intake thread; after a timer the step is on a job thread already, and
 * a second job per reminder cost an insert, an acquisition, a lock, a select and a
 * delete. Failures, {@code Retry-After} and quiet-hours deferrals act on the timer's job
 * the same way ({@link RetryAfterPlugin}), and while a failed send waits for its retry
 * the customer still waits at the timer, where an exit event finds them.
 */
@Component
class SendAfterTimerInline extends AbstractProcessEnginePlugin {

	private static final Set<String> TIMERS = Set.of(ActivityTypes.INTERMEDIATE_EVENT_TIMER,
			ActivityTypes.BOUNDARY_TIMER);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				// Called after the whole process is parsed: every flow is known.
				inlineSendsAfterTimers(definition);
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	static void inlineSendsAfterTimers(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			if (activity.isAsyncBefore() && ActivityTypes.TASK_SEND_TASK.equals(activity.getProperty("type"))
					&& reachedOnlyFromTimers(activity, new HashSet<>())) {
				activity.setAsyncBefore(false);
			}
			inlineSendsAfterTimers(activity);
		}
	}

	private static boolean reachedOnlyFromTimers(ActivityImpl activity, Set<ActivityImpl> seen) {
		List<PvmTransition> incoming = activity.getIncomingTransitions();
		if (incoming.isEmpty() || !seen.add(activity)) {
			return false;
		}
		for (PvmTransition flow : incoming) {
			ActivityImpl source = (ActivityImpl) flow.getSource();
			Object type = source.getProperty("type");
			boolean fromTimer = TIMERS.contains(type) || (ActivityTypes.GATEWAY_EXCLUSIVE.equals(type)
					&& !source.isAsyncBefore() && reachedOnlyFromTimers(source, seen));
			if (!fromTimer) {
				return false;
			}
		}
		return true;
	}

}
