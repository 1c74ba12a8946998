package dev.encore.engine.profile;

import java.util.HashMap;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Redis hash per customer ({@code <prefix>profile:<id>}): typed fields as hash fields
 * so later updates can touch one field, traits and cart as JSON.
 */
class RedisProfileStore implements ProfileStore {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final UnifiedJedis redis;

	private final String prefix;

	private final ObjectMapper json;

	RedisProfileStore(UnifiedJedis redis, String keyPrefix, ObjectMapper json) {
		this.redis = redis;
		this.prefix = keyPrefix + "profile:";
		this.json = json;
	}

	@Override
	public Optional<CustomerProfile> find(String customerId) {
		Map<String, String> hash = this.redis.hgetAll(this.prefix + customerId);
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new CustomerProfile(customerId, hash.get("email"), hash.get("phone"), hash.get("firstName"),
				hash.get("lastName"), hash.get("locale"), hash.get("timeZone"), read(hash.get("traits")),
				read(hash.get("cart"))));
	}

	@Override
	public void save(CustomerProfile profile) {
		Map<String, String> fields = new HashMap<>();
		fields.put("email", profile.email());
		fields.put("phone", profile.phone());
		fields.put("firstName", profile.firstName());
		fields.put("lastName", profile.lastName());
		fields.put("locale", profile.locale());
		fields.put("timeZone", profile.timeZone());
		fields.put("traits", write(profile.traits()));
		fields.put("cart", write(profile.cart()));
		Map<String, String> set = new HashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				set.put(name, value);
			}
		});
		String[] unset = fields.keySet().stream().filter((name) -> fields.get(name) == null).toArray(String[]::new);
		String key = this.prefix + profile.customerId();
		// One round trip for both commands.
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			pipeline.hset(key, set);
			if (unset.length > 0) {
				pipeline.hdel(key, unset);
			}
			pipeline.sync();
		}
	}

	@Override
	public void delete(String customerId) {
		this.redis.del(this.prefix + customerId);
	}

	private Map<String, Object> read(String value) {
		if (value == null) {
			return Map.of();
		}
		try {
			return this.json.readValue(value, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable profile JSON in Redis", ex);
		}
	}

	private String write(Map<String, Object> value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Profile data is not JSON-serializable", ex);
		}
	}

}
