package dev.encore.engine.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import redis.clients.jedis.JedisPooled;

import dev.encore.connectors.Channel;

import static dev.encore.engine.delivery.SuppressionList.normal;

/**
 * The suppression list in Redis, shared by every node: one hash per channel
 * ({@code <prefix>suppression:<channel>}), address to {@code reason|time}.
 */
class RedisSuppressionList implements SuppressionList {

	private final JedisPooled redis;

	private final String prefix;

	private final Clock clock;

	RedisSuppressionList(JedisPooled redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "suppression:";
		this.clock = clock;
	}

	@Override
	public void add(Channel channel, String address, Reason reason) {
		this.redis.hset(key(channel), normal(address), reason.id() + "|" + this.clock.instant());
	}

	@Override
	public boolean remove(Channel channel, String address) {
		return this.redis.hdel(key(channel), normal(address)) > 0;
	}

	@Override
	public Optional<Entry> find(Channel channel, String address) {
		return Optional.ofNullable(this.redis.hget(key(channel), normal(address)))
			.map((value) -> entry(channel, normal(address), value));
	}

	@Override
	public List<Entry> list(Channel channel) {
		return this.redis.hgetAll(key(channel))
			.entrySet()
			.stream()
			.map((field) -> entry(channel, field.getKey(), field.getValue()))
			.sorted(Entry.BY_ADDRESS)
			.toList();
	}

	private String key(Channel channel) {
		return this.prefix + channel.id();
	}

	private static Entry entry(Channel channel, String address, String value) {
		int bar = value.indexOf('|');
		return new Entry(channel.id(), address, Reason.fromId(value.substring(0, bar)),
				Instant.parse(value.substring(bar + 1)));
	}

}
