package dev.encore.engine.journey.sandbox;

import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;

import org.springframework.util.ClassUtils;

/**
 * The last resolver of every journey expression: it runs the calls {@link AllowedCalls}
 * lists and refuses every other method call and every property of an object that no
 * resolver before it (variables, maps, lists, arrays) answered. This is what stops
 * {@code ''.getClass().forName(...)}, {@code execution.getProcessEngine()} and
 * {@code execution.processEngineServices}, whichever door the BPMN came through.
 */
final class SandboxElResolver extends ReadOnlyElResolver {

	private final BeanELResolver calls = new BeanELResolver(true);

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base == null) {
			return null;
		}
		String name = String.valueOf(method);
		if (AllowedCalls.journeyBeanMethod(ClassUtils.getUserClass(base), name)
				|| (!AllowedCalls.journeyBean(base) && AllowedCalls.valueMethod(base, name))) {
			return this.calls.invoke(context, base, method, paramTypes, params);
		}
		throw new ExpressionRefusedException("call " + name + "() on " + describe(base));
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base == null) {
			return null;
		}
		throw new ExpressionRefusedException("read '" + property + "' of " + describe(base));
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null) {
			throw new ExpressionRefusedException("write '" + property + "' of " + describe(base));
		}
	}

	/** The type only: a value may be personal data, which logs must not carry. */
	private static String describe(Object base) {
		return (AllowedCalls.journeyBean(base) ? "journey bean " : "a ")
				+ ClassUtils.getUserClass(base).getSimpleName();
	}

}
