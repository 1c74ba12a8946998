package dev.encore.engine.store;

import redis.clients.jedis.JedisPooled;

/**
 * The one Redis client (and pool) of the node, or none when {@code encore.redis.url} is
 * not set; shared by every store with a Redis form, closed with the context.
 */
public record JedisHolder(JedisPooled redis) implements AutoCloseable {

	public boolean configured() {
		return this.redis != null;
	}

	@Override
	public void close() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
