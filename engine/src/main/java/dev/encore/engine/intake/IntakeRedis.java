package dev.encore.engine.intake;

import redis.clients.jedis.JedisPooled;

import org.springframework.stereotype.Component;

import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/** Intake's Redis connection (recent message ids, aliases), when Redis is configured. */
@Component
class IntakeRedis {

	private final JedisPooled redis;

	private final String prefix;

	// The node's one Redis pool, opened (and closed) by the profile configuration.
	IntakeRedis(JedisHolder jedis, RedisProperties properties) {
		this.redis = jedis.redis();
		this.prefix = properties.keyPrefix();
	}

	/** The client, or null in a try-out without Redis. */
	JedisPooled client() {
		return this.redis;
	}

	String key(String kind, String id) {
		return this.prefix + kind + ":" + id;
	}

}
