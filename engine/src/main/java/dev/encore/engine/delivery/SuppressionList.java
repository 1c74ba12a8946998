package dev.encore.engine.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import redis.clients.jedis.JedisPooled;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/**
 * Addresses and numbers that must not be messaged again: hard bounces, complaints and
 * entries made by hand. One Redis hash per channel (address to {@code reason|time}),
 * checked before every send; in memory when Redis is not configured (try-out).
 */
@Component
class SuppressionList {

	private final JedisPooled redis;

	private final String prefix;

	private final Clock clock;

	private final Map<String, Map<String, String>> memory = new ConcurrentHashMap<>();

	SuppressionList(JedisHolder jedis, RedisProperties properties, Clock clock) {
		this.redis = jedis.redis();
		this.prefix = properties.keyPrefix() + "suppression:";
		this.clock = clock;
	}

	void add(Channel channel, String address, Reason reason) {
		String value = reason.id() + "|" + this.clock.instant();
		if (this.redis == null) {
			this.memory.computeIfAbsent(channel.id(), (key) -> new ConcurrentHashMap<>()).put(normal(address), value);
		}
		else {
			this.redis.hset(this.prefix + channel.id(), normal(address), value);
		}
	}

	boolean remove(Channel channel, String address) {
		if (this.redis == null) {
			return this.memory.getOrDefault(channel.id(), Map.of()).remove(normal(address)) != null;
		}
		return this.redis.hdel(this.prefix + channel.id(), normal(address)) > 0;
	}

	Optional<Entry> find(Channel channel, String address) {
		String value = this.redis == null ? this.memory.getOrDefault(channel.id(), Map.of()).get(normal(address))
				: this.redis.hget(this.prefix + channel.id(), normal(address));
		return Optional.ofNullable(value).map((found) -> entry(channel, normal(address), found));
	}

	List<Entry> list(Channel channel) {
		Map<String, String> all = this.redis == null ? this.memory.getOrDefault(channel.id(), Map.of())
				: this.redis.hgetAll(this.prefix + channel.id());
		List<Entry> entries = new ArrayList<>();
		all.forEach((address, value) -> entries.add(entry(channel, address, value)));
		entries.sort((a, b) -> a.address().compareTo(b.address()));
		return entries;
	}

	/** Emails compare without case; numbers are E.164 already. */
	private static String normal(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	private static Entry entry(Channel channel, String address, String value) {
		int bar = value.indexOf('|');
		return new Entry(channel.id(), address, Reason.fromId(value.substring(0, bar)),
				Instant.parse(value.substring(bar + 1)));
	}

	record Entry(String channel, String address, Reason reason, Instant at) {
	}

	enum Reason {

		HARD_BOUNCE, COMPLAINT, MANUAL;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Reason fromId(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

}
