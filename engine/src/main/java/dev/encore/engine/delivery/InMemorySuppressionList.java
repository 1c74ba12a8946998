package dev.encore.engine.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.encore.connectors.Channel;

import static dev.encore.engine.delivery.SuppressionList.normal;

/** The suppression list of the try-out without Redis: this node only, lost on restart. */
class InMemorySuppressionList implements SuppressionList {

	private final Map<String, Map<String, Entry>> channels = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemorySuppressionList(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void add(Channel channel, String address, Reason reason) {
		entries(channel).put(normal(address), new Entry(channel.id(), normal(address), reason, this.clock.instant()));
	}

	@Override
	public boolean remove(Channel channel, String address) {
		return entries(channel).remove(normal(address)) != null;
	}

	@Override
	public Optional<Entry> find(Channel channel, String address) {
		return Optional.ofNullable(entries(channel).get(normal(address)));
	}

	@Override
	public List<Entry> list(Channel channel) {
		return entries(channel).values().stream().sorted(Entry.BY_ADDRESS).toList();
	}

	private Map<String, Entry> entries(Channel channel) {
		return this.channels.computeIfAbsent(channel.id(), (id) -> new ConcurrentHashMap<>());
	}

}
