package dev.encore.engine.profile;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

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

	/** The Redis client when one is configured; closed with the context. */
	record JedisHolder(JedisPooled redis) implements AutoCloseable {

		@Override
		public void close() {
			if (this.redis != null) {
				this.redis.close();
			}
		}

	}

}
