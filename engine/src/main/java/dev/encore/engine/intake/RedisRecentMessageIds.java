package dev.encore.engine.intake;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Recent ids in Redis, shared by every node: {@code <prefix>event:<messageId>}, set with
 * {@code NX EX} for the dedupe window ({@code encore.intake.dedupe-window}).
 */
class RedisRecentMessageIds implements RecentMessageIds {

	private static final Logger log = LoggerFactory.getLogger(RedisRecentMessageIds.class);

	private final JedisPooled redis;

	private final String prefix;

	private final long windowSeconds;

	RedisRecentMessageIds(JedisPooled redis, String keyPrefix, Duration window) {
		this.redis = redis;
		this.prefix = keyPrefix + "event:";
		this.windowSeconds = window.toSeconds();
	}

	@Override
	public boolean seen(String messageId) {
		return this.redis.exists(this.prefix + messageId);
	}

	@Override
	public void remember(String messageId) {
		try {
			this.redis.set(this.prefix + messageId, "1", SetParams.setParams().nx().ex(this.windowSeconds));
		}
		catch (JedisException ex) {
			// Already committed: the database still dedupes it for the retention period.
			log.warn("Could not remember applied message {} in Redis: {}", messageId, ex.getMessage());
		}
	}

}
