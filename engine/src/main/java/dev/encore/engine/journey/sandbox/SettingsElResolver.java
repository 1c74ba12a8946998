package dev.encore.engine.journey.sandbox;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;

/**
 * Answers a top-level name that is no variable from the instance's settings variable
 * ({@link SettingsVariable}), so {@code ${firstReminderDelay}} reads as it did when each
 * setting was a variable of its own. Placed after the variables, which keep precedence
 * (customers who entered then still have them). It reads that one variable and returns
 * its strings; it calls nothing and writes nothing.
 */
final class SettingsElResolver extends ReadOnlyElResolver {

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base != null || !(property instanceof String name)
				|| !(context.getContext(VariableScope.class) instanceof VariableScope scope)) {
			return null;
		}
		String value = SettingsVariable.of(scope).get(name);
		if (value != null) {
			context.setPropertyResolved(true);
		}
		return value;
	}

}
