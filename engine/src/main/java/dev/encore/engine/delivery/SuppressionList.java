package dev.encore.engine.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.encore.connectors.Channel;

/**
 * Addresses and numbers that must not be messaged again: hard bounces, complaints and
 * entries made by hand; checked before every send. In Redis when it is configured, else
 * in memory (try-out); {@link DeliveryConfiguration} picks the form.
 */
interface SuppressionList {

	/** Suppresses the address from now on, replacing an earlier entry's reason. */
	void add(Channel channel, String address, Reason reason);

	/** Lifts the suppression; whether there was one. */
	boolean remove(Channel channel, String address);

	Optional<Entry> find(Channel channel, String address);

	/** The channel's entries, by address. */
	List<Entry> list(Channel channel);

	/** Emails compare without case; numbers are E.164 already. */
	static String normal(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	record Entry(String channel, String address, Reason reason, Instant at) {

		static final Comparator<Entry> BY_ADDRESS = Comparator.comparing(Entry::address);

	}

	enum Reason {

		HARD_BOUNCE, COMPLAINT, MANUAL;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Reason fromId(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

}
