package dev.encore.engine.profile;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * The service task behind the "Encore: Sunset customer" element template
 * ({@code ${encoreSunset}}): marks the customer (the business key) sunset, so guardrails
 * send them no more marketing until their next order. Running it twice changes nothing.
 */
@Component("encoreSunset")
@JourneyBean
class SunsetDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SunsetDelegate.class);

	private final ProfileStore store;

	private final Clock clock;

	SunsetDelegate(ProfileStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String customerId = execution.getProcessBusinessKey();
		this.store.sunset(customerId, this.clock.instant());
		log.info("Customer={} sunset by journey {}", customerId, execution.getProcessDefinitionId().split(":", 2)[0]);
	}

}
