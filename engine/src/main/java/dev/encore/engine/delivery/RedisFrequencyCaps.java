package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import dev.encore.engine.delivery.GuardrailProperties.CapRule;

/**
 * Caps in Redis, shared by every node: a slot is taken by one Lua script, so the check
 * and the increments cannot interleave with another send's.
 */
class RedisFrequencyCaps implements FrequencyCaps {

	/**
	 * KEYS: the send's marker, per rule its day counters (the day first), then the
	 * counters to increment. ARGV: rule count, max and days per rule, the keys' time to
	 * live, the day. The day the send's slot counts on (the marker's when it holds one),
	 * or the number of the first rule that is full.
	 */
	private static final String TAKE = """
			local held = redis.call('GET', KEYS[1])
			if held then return held end
			local rules = tonumber(ARGV[1])
			local k, a = 2, 2
			for i = 1, rules do
			  local max, days = tonumber(ARGV[a]), tonumber(ARGV[a + 1])
			  a = a + 2
			  local sum = 0
			  for d = 1, days do
			    sum = sum + tonumber(redis.call('GET', KEYS[k]) or '0')
			    k = k + 1
			  end
			  if sum >= max then return i end
			end
			for j = k, #KEYS do
			  redis.call('INCR', KEYS[j])
			  redis.call('EXPIRE', KEYS[j], tonumber(ARGV[a]))
			end
			redis.call('SET', KEYS[1], ARGV[a + 1], 'EX', tonumber(ARGV[a]))
			return ARGV[a + 1]
			""";

	/**
	 * KEYS: the send's marker, then the counters of its day. ARGV: the marker's value
	 * read before. Only a slot still held is given back, once.
	 */
	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			redis.call('DEL', KEYS[1])
			for j = 2, #KEYS do redis.call('DECR', KEYS[j]) end
			return 1
			""";

	private final JedisPooled redis;

	private final CapKeys keys;

	RedisFrequencyCaps(JedisPooled redis, String keyPrefix) {
		this.redis = redis;
		this.keys = new CapKeys(keyPrefix + "cap:");
	}

	@Override
	public Take take(String customerId, String sendKey, String channel, LocalDate day, List<CapRule> rules) {
		List<CapRule> applicable = rules.stream().filter((rule) -> rule.covers(channel)).toList();
		List<String> keys = new ArrayList<>();
		keys.add(this.keys.marker(customerId, sendKey));
		List<String> args = new ArrayList<>();
		args.add(String.valueOf(applicable.size()));
		int longest = 1;
		for (CapRule rule : applicable) {
			args.add(String.valueOf(rule.max()));
			args.add(String.valueOf(rule.days()));
			longest = Math.max(longest, rule.days());
			for (int d = 0; d < rule.days(); d++) {
				keys.add(this.keys.counter(customerId, rule.channel(), day.minusDays(d)));
			}
		}
		keys.addAll(this.keys.counters(customerId, channel, day));
		args.add(String.valueOf(Duration.ofDays(longest + 1).toSeconds()));
		args.add(day.toString());
		Object taken = this.redis.eval(TAKE, keys, args);
		if (taken instanceof Long full) {
			return Take.capped(applicable.get(full.intValue() - 1));
		}
		// A marker from before slots remembered their day holds "1": it counts on today.
		return Take.slot(dayOf((String) taken).orElse(day));
	}

	@Override
	public Optional<LocalDate> release(String customerId, String sendKey, String channel) {
		String marker = this.keys.marker(customerId, sendKey);
		String held = this.redis.get(marker);
		if (held == null) {
			return Optional.empty();
		}
		Optional<LocalDate> day = dayOf(held);
		List<String> keys = new ArrayList<>();
		keys.add(marker);
		day.ifPresent((slotDay) -> keys.addAll(this.keys.counters(customerId, channel, slotDay)));
		boolean released = ((Long) this.redis.eval(RELEASE, keys, List.of(held))) == 1L;
		return released ? day : Optional.empty();
	}

	@Override
	public long count(String customerId, String channel, LocalDate day) {
		String count = this.redis.get(this.keys.counter(customerId, channel, day));
		return (count != null) ? Long.parseLong(count) : 0;
	}

	@Override
	public int erase(String customerId, String pseudonym) {
		String pattern = this.keys.customer(customerId).replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
		ScanParams match = new ScanParams().match(pattern).count(500);
		String cursor = ScanParams.SCAN_POINTER_START;
		int erased = 0;
		do {
			ScanResult<String> page = this.redis.scan(cursor, match);
			for (String key : page.getResult()) {
				erased += (int) this.redis.del(key);
			}
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		return erased;
	}

	private static Optional<LocalDate> dayOf(String held) {
		return (held.length() == 10) ? Optional.of(LocalDate.parse(held)) : Optional.empty();
	}

}
