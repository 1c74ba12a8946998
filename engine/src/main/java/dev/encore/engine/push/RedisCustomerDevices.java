package dev.encore.engine.push;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import redis.clients.jedis.JedisPooled;

/**
 * A customer's devices are one hash, {@code <prefix>devices:<customer id>}: field
 * {@code <channel> <address>}, value the keys and registration time as JSON. A customer
 * has a handful of devices, so reading them all for one channel costs one round trip.
 */
class RedisCustomerDevices implements CustomerDevices {

	private final JedisPooled redis;

	private final String prefix;

	private final ObjectMapper json;

	RedisCustomerDevices(JedisPooled redis, String prefix, ObjectMapper json) {
		this.redis = redis;
		this.prefix = prefix;
		this.json = json;
	}

	@Override
	public boolean register(String customerId, String channel, Device device) {
		return this.redis.hset(key(customerId), field(channel, device.address()), write(device)) == 1;
	}

	@Override
	public List<Device> of(String customerId, String channel) {
		String start = channel + " ";
		return this.redis.hgetAll(key(customerId))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(start))
			.map((entry) -> read(entry.getKey().substring(start.length()), entry.getValue()))
			.sorted(Device.OLDEST_FIRST)
			.toList();
	}

	@Override
	public boolean remove(String customerId, String channel, String address) {
		return this.redis.hdel(key(customerId), field(channel, address)) == 1;
	}

	@Override
	public int erase(String customerId) {
		return (int) this.redis.del(key(customerId));
	}

	private String key(String customerId) {
		return this.prefix + "devices:" + customerId;
	}

	private static String field(String channel, String address) {
		return channel + " " + address;
	}

	private String write(Device device) {
		try {
			return this.json.writeValueAsString(Map.of("keys", device.keys(), "at", device.registeredAt().toString()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Device read(String address, String value) {
		try {
			Map<String, Object> stored = this.json.readValue(value, Map.class);
			return new Device(address, (Map<String, String>) stored.get("keys"),
					Instant.parse((String) stored.get("at")));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable device of a customer", ex);
		}
	}

}
