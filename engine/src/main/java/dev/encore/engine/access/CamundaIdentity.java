package dev.encore.engine.access;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda knows the same people as Encore (docs/decisions/027): its identity service is
 * {@link CamundaPeopleProvider}, read-only, instead of its own user tables.
 */
@Configuration(proxyBeanMethods = false)
class CamundaIdentity {

	@Bean
	ProcessEnginePlugin encorePeopleInCamunda(AccessProperties access) {
		CamundaPeople people = new CamundaPeople(access);
		return new AbstractProcessEnginePlugin() {

			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setIdentityProviderSessionFactory(new SessionFactory() {

					@Override
					public Class<?> getSessionType() {
						return ReadOnlyIdentityProvider.class;
					}

					@Override
					public Session openSession() {
						return new CamundaPeopleProvider(people);
					}

				});
			}

		};
	}

}
