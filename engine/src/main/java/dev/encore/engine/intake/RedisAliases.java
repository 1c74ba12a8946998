package dev.encore.engine.intake;

import java.util.Optional;

import redis.clients.jedis.JedisPooled;

/**
 * Aliases in Redis, shared by every node: {@code <prefix>alias:<anonymousId>} holds the
 * customer id.
 */
class RedisAliases implements Aliases {

	private final JedisPooled redis;

	private final String prefix;

	RedisAliases(JedisPooled redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix + "alias:";
	}

	@Override
	public void link(String anonymousId, String customerId) {
		this.redis.set(this.prefix + anonymousId, customerId);
	}

	@Override
	public Optional<String> customerOf(String anonymousId) {
		return Optional.ofNullable(this.redis.get(this.prefix + anonymousId));
	}

}
