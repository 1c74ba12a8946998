package dev.encore.engine.loyalty;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisCategoryPricesTest extends CategoryPricesContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisCategoryPrices prices = new RedisCategoryPrices(redis, this.prefix);

	@Override
	CategoryPrices prices() {
		return this.prices;
	}

	@Test
	void theShopsRangesAreOneHashNamingNoCustomer() {
		this.prices.observe(java.util.List.of(price("茶具", "49.9")));

		assertThat(TestRedis.keys(redis, this.prefix)).containsExactly(this.prefix + "category-prices");
		assertThat(redis.hgetAll(this.prefix + "category-prices"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("low:茶具", "49.9", "high:茶具", "49.9"));
	}

	@AfterEach
	void removeKeys() {
		TestRedis.removeKeys(redis, this.prefix);
	}

	@AfterAll
	static void close() {
		redis.close();
	}

}
