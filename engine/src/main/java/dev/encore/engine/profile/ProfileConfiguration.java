package dev.encore.engine.profile;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.store.JedisHolder;
import dev.encore.engine.store.RedisProperties;

@Configuration(proxyBeanMethods = false)
public class ProfileConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProfileConfiguration.class);

	/**
	 * Redis round trips made by profile reads and writes (two per transaction at most,
	 * however many events it applies).
	 */
	public static final String REDIS_ROUND_TRIPS = "encore.profile.redis.round.trips";

	@Bean
	ProfileStore profileStore(JedisHolder jedis, RedisProperties properties, ObjectMapper json, MeterRegistry meters,
			JdbcClient jdbc, Clock clock) {
		if (!jedis.configured()) {
			log.warn("encore.redis.url is not set: customer profiles are kept in the database (try-out mode)");
			return new TransactionalProfileStore(new DatabaseProfileStore(jdbc, json, clock));
		}
		return new TransactionalProfileStore(
				new RedisProfileStore(jedis.redis(), properties.keyPrefix(), json, meters.counter(REDIS_ROUND_TRIPS)));
	}

}
