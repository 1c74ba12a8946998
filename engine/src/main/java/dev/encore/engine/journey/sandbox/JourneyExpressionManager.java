package dev.encore.engine.journey.sandbox;

import java.util.List;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's expression manager: Camunda's own names (variables, {@code execution} as a
 * value to hand to a journey bean), the journey's settings ({@link SettingsElResolver}),
 * Encore's extra names, then {@link JourneyElResolvers}. Unlike Spring's expression
 * manager there is no bean resolver that calls any method of any object, and no
 * application context.
 */
public class JourneyExpressionManager extends JuelExpressionManager {

	private final List<ELResolver> names;

	/**
	 * @param names resolvers of further top-level names (the profile), asked after the
	 * variables
	 */
	public JourneyExpressionManager(JourneyBeans journeyBeans, List<ELResolver> names) {
		super(journeyBeans);
		this.names = List.copyOf(names);
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver chain = new CompositeELResolver();
		chain.add(new VariableScopeElResolver());
		chain.add(new VariableContextElResolver());
		chain.add(new SettingsElResolver());
		this.names.forEach(chain::add);
		chain.add(JourneyElResolvers.after(this.beans));
		return chain;
	}

}
