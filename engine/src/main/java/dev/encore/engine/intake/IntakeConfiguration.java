package dev.encore.engine.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

/**
 * Intake's stores in Redis when it is configured (every node shares them), else the
 * try-out's.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	Aliases aliases(JedisHolder jedis, RedisProperties redis) {
		return jedis.configured() ? new RedisAliases(jedis.redis(), redis.keyPrefix()) : new InMemoryAliases();
	}

	@Bean
	RecentMessageIds recentMessageIds(JedisHolder jedis, RedisProperties redis, IntakeProperties properties) {
		return jedis.configured()
				? new RedisRecentMessageIds(jedis.redis(), redis.keyPrefix(), properties.dedupeWindow())
				: new NoRecentMessageIds();
	}

}
