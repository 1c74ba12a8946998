package dev.encore.engine.channel;

import java.util.Objects;

/**
 * A channel's guardrails unless configured otherwise.
 *
 * @param quietHours {@code HH:mm-HH:mm} in the customer's zone, null for none
 * @param withdrawalStopsTransactional whether a withdrawn consent stops transactional
 * messages too (STOP, unfollow) or marketing only (an email unsubscribe)
 */
public record GuardrailDefaults(ConsentMode consent, String quietHours, boolean withdrawalStopsTransactional) {

	public GuardrailDefaults {
		Objects.requireNonNull(consent, "consent");
	}

}
