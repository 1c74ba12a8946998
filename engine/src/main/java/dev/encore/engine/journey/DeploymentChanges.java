package dev.encore.engine.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the deployments and deletions this node's engine has carried out, so what is
 * cached about the deployed journeys can tell it is out of date. Counted after the
 * command, and again after the caller's transaction if there is one, so a reader that
 * loaded before the change was visible sees a newer count.
 */
@Component
class DeploymentChanges extends AbstractProcessEnginePlugin {

	private static final Set<Class<?>> CHANGES = Set.of(DeployCmd.class, DeleteDeploymentCmd.class,
			DeleteProcessDefinitionsByIdsCmd.class);

	private final AtomicLong count = new AtomicLong();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		interceptors.add(new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				try {
					return this.next.execute(command);
				}
				finally {
					if (CHANGES.contains(command.getClass())) {
						changed();
					}
				}
			}
		});
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	private void changed() {
		this.count.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Inside a caller's transaction: once more when it has committed or rolled
			// back.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					DeploymentChanges.this.count.incrementAndGet();
				}
			});
		}
	}

	long count() {
		return this.count.get();
	}

}
