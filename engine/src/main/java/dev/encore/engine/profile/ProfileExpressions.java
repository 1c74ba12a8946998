package dev.encore.engine.profile;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import dev.encore.engine.journey.JourneyBean;
import dev.encore.engine.journey.JourneyBeans;

/**
 * Makes {@code profile} resolvable in every journey expression (gateways, inputs,
 * timers), after process variables and the {@link JourneyBean journey beans} (no other
 * bean of the application is reachable from a BPMN). A plugin because the resolver chain
 * is fixed when the engine builds its expression manager.
 */
@Component
class ProfileExpressions extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	ProfileExpressions(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setExpressionManager(new SpringExpressionManager(this.context, new JourneyBeans(this.context)) {
			@Override
			protected ELResolver createElResolver() {
				CompositeELResolver resolver = new CompositeELResolver();
				resolver.add(super.createElResolver());
				// Looked up on use: the views need the engine that is being built here.
				resolver.add(new ProfileElResolver(
						(customerId) -> ProfileExpressions.this.context.getBean(ProfileViews.class)
							.journeyData(customerId)));
				return resolver;
			}
		});
	}

}
