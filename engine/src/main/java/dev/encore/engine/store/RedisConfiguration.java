package dev.encore.engine.store;

import java.net.URI;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's Redis, belonging to no feature: each store with a Redis and an in-memory
 * form takes the {@link JedisHolder} and picks its form once.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

	@Bean(destroyMethod = "close")
	JedisHolder jedis(RedisProperties properties) {
		return new JedisHolder(properties.configured() ? new JedisPooled(URI.create(properties.url())) : null);
	}

	/**
	 * Readiness includes Redis when customer state lives there: a node that cannot reach
	 * it cannot apply events.
	 */
	@Bean
	HealthIndicator redisHealthIndicator(JedisHolder jedis) {
		return () -> {
			if (!jedis.configured()) {
				return Health.up().withDetail("store", "in-memory").build();
			}
			try {
				return "PONG".equals(jedis.redis().ping()) ? Health.up().build() : Health.down().build();
			}
			catch (JedisException ex) {
				return Health.down(ex).build();
			}
		};
	}

}
