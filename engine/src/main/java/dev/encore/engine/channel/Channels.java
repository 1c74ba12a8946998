package dev.encore.engine.channel;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;

/**
 * The channels Encore sends on: every {@link ChannelDescriptor} bean, in their
 * {@code @Order}. The one place that knows which channels exist.
 */
@Component
public class Channels {

	private final Map<String, ChannelDescriptor> byId = new LinkedHashMap<>();

	public Channels(List<ChannelDescriptor> descriptors) {
		for (ChannelDescriptor descriptor : descriptors) {
			if (this.byId.putIfAbsent(descriptor.id(), descriptor) != null) {
				throw new IllegalStateException("Channel '" + descriptor.id() + "' is registered twice");
			}
		}
	}

	public static Channels of(ChannelDescriptor... descriptors) {
		return new Channels(List.of(descriptors));
	}

	public List<ChannelDescriptor> all() {
		return List.copyOf(this.byId.values());
	}

	public List<String> ids() {
		return List.copyOf(this.byId.keySet());
	}

	/** The channel with this id, in any case. */
	public Optional<ChannelDescriptor> find(String id) {
		return Optional.ofNullable(id == null ? null : this.byId.get(id.strip().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The channel with this id, in any case.
	 * @throws IllegalArgumentException naming the known channels when there is none
	 */
	public ChannelDescriptor get(String id) {
		return find(id).orElseThrow(
				() -> new IllegalArgumentException("Unknown channel '" + id + "' (expected " + describe() + ")"));
	}

	public ChannelDescriptor get(Channel channel) {
		return get(channel.id());
	}

	/** The ids for a message: {@code email, sms or line}. */
	public String describe() {
		List<String> ids = ids();
		return ids.size() < 2 ? String.join("", ids)
				: String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
	}

	/**
	 * The channels {@code reach.preferred} tries, in its order; the last reaches
	 * everyone.
	 */
	public List<ChannelDescriptor> byReach() {
		return this.byId.values()
			.stream()
			.filter(ChannelDescriptor::triedByReach)
			.sorted(Comparator.comparingInt(ChannelDescriptor::reachRank))
			.toList();
	}

}
