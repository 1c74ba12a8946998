package dev.encore.engine.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per customer a hash of message id to message ({@code <prefix>inbox:<id>}) and a sorted
 * set of message ids by expiry ({@code <prefix>inbox:<id>:expiry}). Both keys expire with
 * the customer's longest-lived message, and a read removes the expired ones, so an inbox
 * holds only what may still be shown.
 */
class RedisInboxStore implements InboxStore {

	/**
	 * Only while the message is still there: an inbox erased or expired meanwhile is not
	 * brought back (without its expiry).
	 */
	private static final String SET_IF_PRESENT = """
			if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
			return -1""";

	private final UnifiedJedis redis;

	private final String prefix;

	private final ObjectMapper json;

	RedisInboxStore(UnifiedJedis redis, String keyPrefix, ObjectMapper json) {
		this.redis = redis;
		this.prefix = keyPrefix + "inbox:";
		this.json = json;
	}

	@Override
	public void put(String customerId, InboxMessage message) {
		String messages = this.prefix + customerId;
		String expiry = messages + ":expiry";
		// Relative to the message's own clock, as Encore's time may differ from Redis's
		// (a try-out's scaled time): the keys live as long as the longest message.
		long lifetime = Duration.between(message.sentAt(), message.expiresAt()).toMillis();
		long ttl = Math.max(lifetime, this.redis.pttl(messages));
		try (AbstractTransaction transaction = this.redis.multi()) {
			transaction.hset(messages, message.id(), write(message));
			transaction.zadd(expiry, message.expiresAt().toEpochMilli(), message.id());
			transaction.pexpire(messages, ttl);
			transaction.pexpire(expiry, ttl);
			transaction.exec();
		}
	}

	@Override
	public List<InboxMessage> unexpired(String customerId, Instant now) {
		String messages = this.prefix + customerId;
		String expiry = messages + ":expiry";
		long cutoff = now.toEpochMilli();
		List<String> expired = this.redis.zrangeByScore(expiry, Double.NEGATIVE_INFINITY, cutoff);
		if (!expired.isEmpty()) {
			this.redis.hdel(messages, expired.toArray(String[]::new));
			this.redis.zremrangeByScore(expiry, Double.NEGATIVE_INFINITY, cutoff);
		}
		List<String> ids = this.redis.zrangeByScore(expiry, "(" + cutoff, "+inf");
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.redis.hmget(messages, ids.toArray(String[]::new))
			.stream()
			.filter(Objects::nonNull)
			.map(this::read)
			.sorted(NEWEST_FIRST)
			.toList();
	}

	@Override
	public Optional<InboxMessage> markSeen(String customerId, String messageId, Instant now) {
		String messages = this.prefix + customerId;
		String stored = this.redis.hget(messages, messageId);
		if (stored == null || read(stored).expiredAt(now)) {
			return Optional.empty();
		}
		InboxMessage seen = read(stored).markedSeen();
		this.redis.eval(SET_IF_PRESENT, List.of(messages), List.of(messageId, write(seen)));
		return Optional.of(seen);
	}

	@Override
	public int erase(String customerId, String pseudonym) {
		return (int) this.redis.del(this.prefix + customerId, this.prefix + customerId + ":expiry");
	}

	private String write(InboxMessage message) {
		try {
			return this.json.writeValueAsString(message);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An inbox message is plain data", ex);
		}
	}

	private InboxMessage read(String stored) {
		try {
			return this.json.readValue(stored, InboxMessage.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable inbox message", ex);
		}
	}

}
