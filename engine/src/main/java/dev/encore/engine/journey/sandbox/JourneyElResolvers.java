package dev.encore.engine.journey.sandbox;

import java.util.Map;

import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * What every journey expression resolves after its own names (variables, the profile, the
 * triggering event): journey beans by name, read-only maps, lists and arrays, then
 * {@link SandboxElResolver}. Gateways, timers, mappings and listeners (through
 * {@link JourneyExpressionManager}) and entry filters share it.
 */
public final class JourneyElResolvers {

	private JourneyElResolvers() {
	}

	public static ELResolver after(Map<Object, Object> journeyBeans) {
		CompositeELResolver chain = new CompositeELResolver();
		chain.add(new ReadOnlyMapELResolver(journeyBeans));
		chain.add(new ArrayELResolver(true));
		chain.add(new ListELResolver(true));
		chain.add(new MapELResolver(true));
		chain.add(new SandboxElResolver());
		return chain;
	}

}
