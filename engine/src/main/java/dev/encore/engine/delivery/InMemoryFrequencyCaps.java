package dev.encore.engine.delivery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.encore.engine.delivery.GuardrailProperties.CapRule;

/** The caps of the try-out without Redis: one node, one lock, the same rules. */
class InMemoryFrequencyCaps implements FrequencyCaps {

	private final CapKeys keys = new CapKeys("");

	private final Map<String, Long> counters = new HashMap<>();

	private final Map<String, LocalDate> held = new HashMap<>();

	@Override
	public synchronized Take take(String customerId, String sendKey, String channel, LocalDate day,
			List<CapRule> rules) {
		String marker = this.keys.marker(customerId, sendKey);
		if (this.held.containsKey(marker)) {
			return Take.slot(this.held.get(marker));
		}
		for (CapRule rule : rules) {
			if (rule.covers(channel) && counted(customerId, rule, day) >= rule.max()) {
				return Take.capped(rule);
			}
		}
		this.keys.counters(customerId, channel, day).forEach((key) -> this.counters.merge(key, 1L, Long::sum));
		this.held.put(marker, day);
		return Take.slot(day);
	}

	@Override
	public synchronized Optional<LocalDate> release(String customerId, String sendKey, String channel) {
		LocalDate day = this.held.remove(this.keys.marker(customerId, sendKey));
		if (day != null) {
			this.keys.counters(customerId, channel, day)
				.forEach((key) -> this.counters.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null));
		}
		return Optional.ofNullable(day);
	}

	@Override
	public synchronized long count(String customerId, String channel, LocalDate day) {
		return this.counters.getOrDefault(this.keys.counter(customerId, channel, day), 0L);
	}

	@Override
	public synchronized int erase(String customerId, String pseudonym) {
		String customer = this.keys.customer(customerId);
		int before = this.counters.size() + this.held.size();
		this.counters.keySet().removeIf((key) -> key.startsWith(customer));
		this.held.keySet().removeIf((key) -> key.startsWith(customer));
		return before - this.counters.size() - this.held.size();
	}

	/** The rule's channel in its window: the day and the days before. */
	private long counted(String customerId, CapRule rule, LocalDate day) {
		long sum = 0;
		for (int d = 0; d < rule.days(); d++) {
			sum += this.counters.getOrDefault(this.keys.counter(customerId, rule.channel(), day.minusDays(d)), 0L);
		}
		return sum;
	}

}
