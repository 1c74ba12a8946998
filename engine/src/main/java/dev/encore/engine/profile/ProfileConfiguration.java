package dev.encore.engine.profile;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ProfileConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProfileConfiguration.class);

	/** Redis round trips made by profile reads and writes (two per event at most). */
	public static final String REDIS_ROUND_TRIPS = "encore.profile.redis.round.trips";

	@Bean(destroyMethod = "close")
	JedisHolder jedis(RedisProperties properties) {
		return new JedisHolder(properties.configured() ? new JedisPooled(URI.create(properties.url())) : null);
	}

	@Bean
	ProfileStore profileStore(JedisHolder jedis, RedisProperties properties, ObjectMapper json, MeterRegistry meters) {
		if (jedis.redis() == null) {
			log.warn("encore.redis.url is not set: customer profiles are kept in memory (try-out mode)");
			return new InMemoryProfileStore();
		}
		return new RedisProfileStore(jedis.redis(), properties.keyPrefix(), json, meters.counter(REDIS_ROUND_TRIPS));
	}

	/**
	 * Readiness includes Redis when profiles live there: a node that cannot reach it
	 * cannot apply events.
	 */
	@Bean
	HealthIndicator redisHealthIndicator(JedisHolder jedis) {
		return () -> {
			if (jedis.redis() == null) {
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

	/**
	 * The one Redis client (and pool) of the node when Redis is configured, shared by
	 * profiles and intake; closed with the context.
	 */
	public record JedisHolder(JedisPooled redis) implements AutoCloseable {

		@Override
		public void close() {
			if (this.redis != null) {
				this.redis.close();
			}
		}

	}

}
