package dev.encore.engine.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.encore.engine.delivery.GuardrailProperties.CapRule;
import dev.encore.engine.store.CustomerData;

/**
 * Marketing messages counted per customer, channel and calendar day of the customer's
 * zone. A send takes a slot for every rule at once or for none, atomically, so two
 * journeys racing for the last slot cannot both pass. The slot is held under the send key
 * and remembers its day: a retry after midnight keeps it, and a release gives it back to
 * that day, not to today. Erasure forgets the customer's counters and slots.
 */
interface FrequencyCaps extends CustomerData {

	/**
	 * Takes a slot on {@code day} for the send, or keeps the one it holds already; the
	 * rule that is full, if any (then nothing is taken).
	 */
	Take take(String customerId, String sendKey, String channel, LocalDate day, List<CapRule> rules);

	/**
	 * Gives back the slot the send holds (its message did not go out) to the day it was
	 * taken on; that day, or empty when the send held none.
	 */
	Optional<LocalDate> release(String customerId, String sendKey, String channel);

	/** Messages counted on {@code day} for the channel ({@code any}: all channels). */
	long count(String customerId, String channel, LocalDate day);

	/** In Redis (or memory): erased after the database's data has committed. */
	@Override
	default boolean inDatabase() {
		return false;
	}

	/**
	 * The send's slot and the day it counts on, or the rule that is full ({@code day}
	 * null).
	 */
	record Take(LocalDate day, CapRule full) {

		static Take slot(LocalDate day) {
			return new Take(day, null);
		}

		static Take capped(CapRule full) {
			return new Take(null, full);
		}

	}

}
