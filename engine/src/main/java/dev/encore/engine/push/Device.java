package dev.encore.engine.push;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One device a customer registered on a push channel.
 *
 * @param address what the channel sends to: a browser's endpoint, an app's token
 * @param keys what else it needs ({@code p256dh} and {@code auth}; {@code platform})
 */
record Device(String address, Map<String, String> keys, Instant registeredAt) {

	/** Oldest first; devices registered in the same instant by address. */
	static final Comparator<Device> OLDEST_FIRST = Comparator.comparing(Device::registeredAt)
		.thenComparing(Device::address);

	Device {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(registeredAt, "registeredAt");
		keys = keys == null ? Map.of() : Map.copyOf(keys);
	}

}
