package dev.encore.engine.profile;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.JourneyBeans;
import dev.encore.engine.journey.sandbox.JourneyExpressionManager;

/**
 * Makes {@code profile} resolvable in every journey expression (gateways, inputs,
 * timers), after process variables, in Encore's sandboxed expression manager (journey
 * beans, variables and the profile; see {@link JourneyExpressionManager}). A plugin
 * because the resolver chain is fixed when the engine builds its expression manager.
 */
@Component
class ProfileExpressions extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	private final JourneyBeans journeyBeans;

	ProfileExpressions(ApplicationContext context, JourneyBeans journeyBeans) {
		this.context = context;
		this.journeyBeans = journeyBeans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// Looked up on use: the views need the engine that is being built here.
		ProfileElResolver profile = new ProfileElResolver(
				(customerId) -> this.context.getBean(ProfileViews.class).journeyData(customerId));
		configuration.setExpressionManager(new JourneyExpressionManager(this.journeyBeans, List.of(profile)));
	}

}
