package dev.encore.engine.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * Test fixture of the send-crash probe journey: fails the job once per armed process
 * instance, after the send step has called the provider, as a crash before commit would.
 */
// Public: JUEL only calls methods of public classes.
@Component("sendCrash")
@JourneyBean
public class SendCrash {

	private final Set<String> armed = ConcurrentHashMap.newKeySet();

	void arm(String processInstanceId) {
		this.armed.add(processInstanceId);
	}

	public void maybeCrash(DelegateExecution execution) {
		if (this.armed.remove(execution.getProcessInstanceId())) {
			throw new IllegalStateException("Simulated crash after the provider accepted the message");
		}
	}

}
