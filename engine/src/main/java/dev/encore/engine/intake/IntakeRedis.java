package dev.encore.engine.intake;

import java.net.URI;

import redis.clients.jedis.JedisPooled;

import org.springframework.stereotype.Component;

import dev.encore.engine.profile.RedisProperties;

/** Intake's Redis connection (recent message ids, aliases), when Redis is configured. */
@Component
class IntakeRedis implements AutoCloseable {

	private final JedisPooled redis;

	private final String prefix;

	IntakeRedis(RedisProperties properties) {
		this.redis = properties.configured() ? new JedisPooled(URI.create(properties.url())) : null;
		this.prefix = properties.keyPrefix();
	}

	/** The client, or null in a try-out without Redis. */
	JedisPooled client() {
		return this.redis;
	}

	String key(String kind, String id) {
		return this.prefix + kind + ":" + id;
	}

	@Override
	public void close() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
