package dev.encore.engine.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import org.springframework.stereotype.Component;

/**
 * Message ids applied recently, in Redis when configured ({@code SET NX EX}, kept for the
 * dedupe window): a cheap first check that also outlives the event history. An id is
 * remembered only after its event committed, so a failed attempt never makes the retry
 * look like a duplicate; the database's unique key stays the authority inside the
 * transaction. See docs/decisions/004-dedupe-and-retention.md.
 */
@Component
class RecentMessageIds {

	private static final Logger log = LoggerFactory.getLogger(RecentMessageIds.class);

	private final IntakeRedis redis;

	private final long windowSeconds;

	RecentMessageIds(IntakeRedis redis, IntakeProperties properties) {
		this.redis = redis;
		this.windowSeconds = properties.dedupeWindow().toSeconds();
	}

	/** Whether the id was applied within the window; fails while Redis is down. */
	boolean seen(String messageId) {
		return this.redis.client() != null && this.redis.client().exists(key(messageId));
	}

	/** Called after the event's transaction committed. */
	void remember(String messageId) {
		if (this.redis.client() == null) {
			return;
		}
		try {
			this.redis.client().set(key(messageId), "1", SetParams.setParams().nx().ex(this.windowSeconds));
		}
		catch (JedisException ex) {
			// Already committed: the database still dedupes it for the retention period.
			log.warn("Could not remember applied message {} in Redis: {}", messageId, ex.getMessage());
		}
	}

	String key(String messageId) {
		return this.redis.key("event", messageId);
	}

}
