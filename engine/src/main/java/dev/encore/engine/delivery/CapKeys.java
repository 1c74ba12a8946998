package dev.encore.engine.delivery;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a customer's cap counters and send markers live, the same in Redis and in memory.
 * The customer id in braces: all of a customer's keys in one Redis Cluster slot.
 */
record CapKeys(String prefix) {

	/** The send's marker: it holds a slot, and its value is the slot's day. */
	String marker(String customerId, String sendKey) {
		return customer(customerId) + "send:" + sendKey;
	}

	String counter(String customerId, String dimension, LocalDate day) {
		return customer(customerId) + dimension + ":" + day;
	}

	/** The counters one send on the channel increments. */
	List<String> counters(String customerId, String channel, LocalDate day) {
		return List.of(counter(customerId, channel, day), counter(customerId, "any", day));
	}

	String customer(String customerId) {
		return this.prefix + "{" + customerId + "}:";
	}

}
