package dev.encore.engine.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import org.springframework.stereotype.Component;

import dev.encore.engine.delivery.GuardrailProperties.CapRule;
import dev.encore.engine.profile.CustomerKeys;
import dev.encore.engine.profile.ProfileConfiguration;
import dev.encore.engine.profile.RedisProperties;

/**
 * Marketing messages counted per customer, channel and calendar day of the customer's
 * zone. A slot is taken for every rule at once or for none, atomically (one Lua script on
 * Redis), so two journeys racing for the last slot cannot both pass.
 */
@Component
class FrequencyCaps implements CustomerKeys {

	/**
	 * KEYS: the send's marker (it holds a slot already: a retry after a crash or an
	 * outage takes none), per rule its day counters (today first), then the counters to
	 * increment. ARGV: rule count, then max and days per rule, then the counters' time to
	 * live. The number of the first rule that is full, or 0 when the slot was taken.
	 */
	private static final String TAKE = """
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
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
			redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[a]))
			return 0
			""";

	/**
	 * KEYS: the send's marker, then its counters. Only a slot still held is given back.
	 */
	private static final String RELEASE = """
			if redis.call('DEL', KEYS[1]) == 1 then
			  for j = 2, #KEYS do redis.call('DECR', KEYS[j]) end
			end
			return 0
			""";

	private final JedisPooled redis;

	private final String prefix;

	private final Map<String, Long> memory = new HashMap<>();

	FrequencyCaps(ProfileConfiguration.JedisHolder jedis, RedisProperties properties) {
		this.redis = jedis.redis();
		this.prefix = properties.keyPrefix() + "cap:";
	}

	/**
	 * Takes a slot on {@code day} for the send; the rule that is full, if any (then
	 * nothing is taken). The same send asking again keeps the slot it holds.
	 */
	Optional<CapRule> take(String customerId, String sendKey, String channel, LocalDate day, List<CapRule> rules) {
		List<CapRule> applicable = rules.stream().filter((rule) -> rule.covers(channel)).toList();
		List<String> keys = new ArrayList<>();
		keys.add(marker(customerId, sendKey));
		List<String> args = new ArrayList<>();
		args.add(String.valueOf(applicable.size()));
		int longest = 1;
		for (CapRule rule : applicable) {
			args.add(String.valueOf(rule.max()));
			args.add(String.valueOf(rule.days()));
			longest = Math.max(longest, rule.days());
			for (int d = 0; d < rule.days(); d++) {
				keys.add(key(customerId, rule.channel(), day.minusDays(d)));
			}
		}
		keys.addAll(counters(customerId, channel, day));
		args.add(String.valueOf(Duration.ofDays(longest + 1).toSeconds()));
		int full = this.redis == null ? takeInMemory(keys, args)
				: ((Long) this.redis.eval(TAKE, keys, args)).intValue();
		return full == 0 ? Optional.empty() : Optional.of(applicable.get(full - 1));
	}

	/** Gives back the slot the send took on {@code day}: its message did not go out. */
	void release(String customerId, String sendKey, String channel, LocalDate day) {
		List<String> keys = new ArrayList<>();
		keys.add(marker(customerId, sendKey));
		keys.addAll(counters(customerId, channel, day));
		if (this.redis != null) {
			this.redis.eval(RELEASE, keys, List.of());
			return;
		}
		synchronized (this.memory) {
			if (this.memory.remove(keys.get(0)) != null) {
				for (String key : keys.subList(1, keys.size())) {
					this.memory.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
				}
			}
		}
	}

	@Override
	public void erase(String customerId) {
		String customerPrefix = this.prefix + "{" + customerId + "}:";
		if (this.redis == null) {
			synchronized (this.memory) {
				this.memory.keySet().removeIf((key) -> key.startsWith(customerPrefix));
			}
			return;
		}
		String pattern = customerPrefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
		ScanParams match = new ScanParams().match(pattern).count(500);
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = this.redis.scan(cursor, match);
			page.getResult().forEach(this.redis::del);
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
	}

	private List<String> counters(String customerId, String channel, LocalDate day) {
		return List.of(key(customerId, channel, day), key(customerId, "any", day));
	}

	private String marker(String customerId, String sendKey) {
		return this.prefix + "{" + customerId + "}:send:" + sendKey;
	}

	/**
	 * The customer id in braces: all of a customer's counters in one Redis Cluster slot.
	 */
	private String key(String customerId, String dimension, LocalDate day) {
		return this.prefix + "{" + customerId + "}:" + dimension + ":" + day;
	}

	/** The same script, for the try-out without Redis. */
	private int takeInMemory(List<String> keys, List<String> args) {
		synchronized (this.memory) {
			if (this.memory.containsKey(keys.get(0))) {
				return 0;
			}
			int rules = Integer.parseInt(args.get(0));
			int k = 1;
			for (int i = 0; i < rules; i++) {
				long max = Long.parseLong(args.get(1 + 2 * i));
				int days = Integer.parseInt(args.get(2 + 2 * i));
				long sum = 0;
				for (int d = 0; d < days; d++) {
					sum += this.memory.getOrDefault(keys.get(k++), 0L);
				}
				if (sum >= max) {
					return i + 1;
				}
			}
			for (int j = k; j < keys.size(); j++) {
				this.memory.merge(keys.get(j), 1L, Long::sum);
			}
			this.memory.put(keys.get(0), 1L);
			return 0;
		}
	}

}
