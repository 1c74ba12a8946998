package dev.encore.engine.journey;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * Random percentage splits for gateway conditions: on the outgoing flows of an exclusive
 * gateway, {@code ${split.branch(execution, 'A', 0, 50)}} and
 * {@code ${split.branch(execution, 'B', 50, 100)}} send half the customers each way. The
 * place is {@link Buckets hashed} from customer, journey and gateway, so a rerun takes
 * the same branch; the branch taken is recorded for the journey's conversion figures.
 */
@Component("split")
@JourneyBean
public class Splits {

	/** Process variable naming the branch a customer took at the last split. */
	public static final String BRANCH = "branch";

	private final JourneyEntries entries;

	private final Clock clock;

	Splits(JourneyEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** Whether the customer falls in [fromPercent, toPercent) of this gateway's split. */
	public boolean branch(DelegateExecution execution, String name, int fromPercent, int toPercent) {
		if (fromPercent < 0 || toPercent > 100 || fromPercent >= toPercent) {
			throw new InvalidJourneyException("Split '" + name + "' at " + execution.getCurrentActivityId()
					+ " needs 0 <= from < to <= 100, not " + fromPercent + ".." + toPercent);
		}
		String journeyKey = execution.getProcessDefinitionId().split(":")[0];
		int bucket = Buckets.of(execution.getProcessBusinessKey(), journeyKey, execution.getCurrentActivityId());
		boolean taken = bucket >= fromPercent && bucket < toPercent;
		if (taken) {
			execution.setVariable(BRANCH, name);
			this.entries.assignBranch(execution.getProcessInstanceId(), execution.getCurrentActivityId(), name,
					this.clock.instant());
		}
		return taken;
	}

}
