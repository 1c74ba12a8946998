package dev.encore.engine.profile;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;

import dev.encore.engine.journey.sandbox.ReadOnlyElResolver;

/**
 * Resolves {@code profile} in any journey expression to the customer's
 * {@link CustomerView} (as maps), the customer being the process business key. Loaded on
 * first use and kept as a transient variable for the rest of the transaction, so a
 * gateway with several conditions reads Redis once and a later step reads fresh data.
 */
class ProfileElResolver extends ReadOnlyElResolver {

	static final String PROFILE = "profile";

	private final Function<String, Map<String, Object>> profiles;

	ProfileElResolver(Function<String, Map<String, Object>> profiles) {
		this.profiles = profiles;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base != null || !PROFILE.equals(property)) {
			return null;
		}
		Object scope = context.getContext(VariableScope.class);
		DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
				: scope instanceof DelegateExecution candidate ? candidate : null;
		if (execution == null || execution.getProcessBusinessKey() == null) {
			return null;
		}
		Map<String, Object> profile = this.profiles.apply(execution.getProcessBusinessKey());
		execution.setVariableLocal(PROFILE, Variables.untypedValue(profile, true));
		context.setPropertyResolved(true);
		return profile;
	}

}
