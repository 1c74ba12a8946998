package dev.encore.engine.push;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices in this JVM, for the embedded try-out: per customer, by channel and address.
 */
class InMemoryCustomerDevices implements CustomerDevices {

	private final Map<String, Map<String, Device>> devices = new ConcurrentHashMap<>();

	@Override
	public boolean register(String customerId, String channel, Device device) {
		return this.devices.computeIfAbsent(customerId, (id) -> new ConcurrentHashMap<>())
			.put(field(channel, device.address()), device) == null;
	}

	@Override
	public List<Device> of(String customerId, String channel) {
		return this.devices.getOrDefault(customerId, Map.of())
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(channel + " "))
			.map(Map.Entry::getValue)
			.sorted(Device.OLDEST_FIRST)
			.toList();
	}

	@Override
	public boolean remove(String customerId, String channel, String address) {
		Map<String, Device> known = this.devices.get(customerId);
		return known != null && known.remove(field(channel, address)) != null;
	}

	@Override
	public int erase(String customerId) {
		Map<String, Device> removed = this.devices.remove(customerId);
		return (removed == null) ? 0 : removed.size();
	}

	private static String field(String channel, String address) {
		return channel + " " + address;
	}

}
