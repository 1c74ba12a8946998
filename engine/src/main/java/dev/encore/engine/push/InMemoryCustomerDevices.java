package dev.encore.engine.push;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Devices in this JVM, for the embedded try-out. */
class InMemoryCustomerDevices implements CustomerDevices {

	private final Map<String, Map<String, Device>> devices = new ConcurrentHashMap<>();

	@Override
	public boolean register(String customerId, String channel, Device device) {
		return of(customerId).put(field(channel, device.address()), device) == null;
	}

	@Override
	public List<Device> of(String customerId, String channel) {
		Map<String, Device> known = this.devices.getOrDefault(customerId, Map.of());
		synchronized (known) {
			return known.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(channel + " "))
				.map(Map.Entry::getValue)
				.sorted(Comparator.comparing(Device::registeredAt))
				.toList();
		}
	}

	@Override
	public boolean remove(String customerId, String channel, String address) {
		return of(customerId).remove(field(channel, address)) != null;
	}

	@Override
	public int erase(String customerId) {
		Map<String, Device> removed = this.devices.remove(customerId);
		return removed == null ? 0 : 1;
	}

	private Map<String, Device> of(String customerId) {
		return this.devices.computeIfAbsent(customerId,
				(id) -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
	}

	private static String field(String channel, String address) {
		return channel + " " + address;
	}

}
