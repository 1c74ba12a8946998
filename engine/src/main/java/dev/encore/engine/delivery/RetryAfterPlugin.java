package dev.encore.engine.delivery;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import dev.encore.connectors.TransientDeliveryException;

/**
 * Honours a provider's {@code Retry-After}: Camunda's retry cycle
 * ({@code failedJobRetryTimeCycle}, R5/PT5M) decides how often a failed send job is
 * retried and raises the incident when they run out; when the provider asked for a longer
 * pause, the next retry is moved back to respect it. A deferred send (quiet hours) is no
 * failure: its job is simply due again at the deferral's end.
 */
@Component
class RetryAfterPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(new RetryAfterCommandFactory());
	}

	private static Optional<SendDeferredException> deferral(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SendDeferredException deferred) {
				return Optional.of(deferred);
			}
		}
		return Optional.empty();
	}

	static Optional<Duration> retryAfter(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof TransientDeliveryException transientFailure) {
				return transientFailure.retryAfter();
			}
		}
		return Optional.empty();
	}

	private static final class RetryAfterCommandFactory implements FailedJobCommandFactory {

		@Override
		public Command<Object> getCommand(String jobId, Throwable exception) {
			Optional<SendDeferredException> deferred = deferral(exception);
			if (deferred.isPresent()) {
				// Not a failure: due again later, retries and incidents untouched.
				return (commandContext) -> {
					JobEntity job = commandContext.getJobManager().findJobById(jobId);
					if (job != null) {
						job.unlock();
						job.setDuedate(Date.from(deferred.get().until()));
					}
					return null;
				};
			}
			Command<Object> standard = new DefaultJobRetryCmd(jobId, exception);
			return (commandContext) -> {
				Object result = standard.execute(commandContext);
				retryAfter(exception).ifPresent((pause) -> {
					JobEntity job = commandContext.getJobManager().findJobById(jobId);
					if (job != null && job.getRetries() > 0) {
						Date earliest = Date.from(ClockUtil.getCurrentTime().toInstant().plus(pause));
						if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
							job.setDuedate(earliest);
						}
					}
				});
				return result;
			};
		}

	}

}
