package dev.encore.engine.loyalty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/** Chooses the Redis or in-memory form of the shop's category price ranges, once. */
@Configuration(proxyBeanMethods = false)
class LoyaltyConfiguration {

	/**
	 * In Redis when it is configured (every node widens the same ranges), else in memory.
	 */
	@Bean
	CategoryPrices categoryPrices(JedisHolder jedis, RedisProperties redis) {
		return jedis.configured() ? new RedisCategoryPrices(jedis.redis(), redis.keyPrefix())
				: new InMemoryCategoryPrices();
	}

}
