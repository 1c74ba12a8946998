package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.UnifiedJedis;

/**
 * One Redis hash ({@code <prefix>category-prices}) with a {@code low:<category>} and a
 * {@code high:<category>} field per category. An observation is one script call for all
 * of an event's prices, compared and set in Redis, so two nodes widening the same range
 * at once both count.
 */
class RedisCategoryPrices implements CategoryPrices {

	private static final String WIDEN = """
			for i = 1, #ARGV, 2 do
			  local price = tonumber(ARGV[i + 1])
			  local low = redis.call('HGET', KEYS[1], 'low:' .. ARGV[i])
			  if not low or price < tonumber(low) then redis.call('HSET', KEYS[1], 'low:' .. ARGV[i], ARGV[i + 1]) end
			  local high = redis.call('HGET', KEYS[1], 'high:' .. ARGV[i])
			  if not high or price > tonumber(high) then redis.call('HSET', KEYS[1], 'high:' .. ARGV[i], ARGV[i + 1]) end
			end
			return 0""";

	private final UnifiedJedis redis;

	private final String key;

	RedisCategoryPrices(UnifiedJedis redis, String keyPrefix) {
		this.redis = redis;
		this.key = keyPrefix + "category-prices";
	}

	@Override
	public void observe(List<Price> prices) {
		if (prices.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>();
		for (Price price : prices) {
			args.add(price.category());
			args.add(price.price().toPlainString());
		}
		this.redis.eval(WIDEN, List.of(this.key), args);
	}

	@Override
	public Map<String, Range> ranges(Collection<String> categories) {
		if (categories.isEmpty()) {
			return Map.of();
		}
		List<String> names = List.copyOf(categories);
		List<String> fields = new ArrayList<>();
		names.forEach((category) -> {
			fields.add("low:" + category);
			fields.add("high:" + category);
		});
		List<String> values = this.redis.hmget(this.key, fields.toArray(String[]::new));
		Map<String, Range> found = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String low = values.get(2 * i);
			String high = values.get(2 * i + 1);
			if (low != null && high != null) {
				found.put(names.get(i), new Range(new BigDecimal(low), new BigDecimal(high)));
			}
		}
		return found;
	}

}
