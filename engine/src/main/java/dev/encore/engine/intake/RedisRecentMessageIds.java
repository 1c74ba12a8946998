package dev.encore.engine.intake;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
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
	public Set<String> seenOf(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Set.of();
		}
		List<String> values = this.redis.mget(messageIds.stream().map((id) -> this.prefix + id).toArray(String[]::new));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < messageIds.size(); i++) {
			if (values.get(i) != null) {
				seen.add(messageIds.get(i));
			}
		}
		return seen;
	}

	@Override
	public void rememberAll(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return;
		}
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			SetParams once = SetParams.setParams().nx().ex(this.windowSeconds);
			messageIds.forEach((id) -> pipeline.set(this.prefix + id, "1", once));
			pipeline.sync();
		}
		catch (JedisException ex) {
			log.warn("Could not remember {} applied messages in Redis: {}", messageIds.size(), ex.getMessage());
		}
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
