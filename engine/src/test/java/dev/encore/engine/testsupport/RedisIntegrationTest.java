package dev.encore.engine.testsupport;

import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.JedisPooled;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EncoreIntegrationTest} with profiles in the real redis-server (one Spring
 * context for every subclass), under a key prefix of this test run.
 */
public abstract class RedisIntegrationTest extends EncoreIntegrationTest {

	protected static final String REDIS_PREFIX = TestRedis.uniquePrefix();

	@AfterAll
	static void removeKeys() {
		try (JedisPooled redis = TestRedis.client()) {
			TestRedis.removeKeys(redis, REDIS_PREFIX);
		}
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("encore.redis.url", TestRedis::url);
		registry.add("encore.redis.key-prefix", () -> REDIS_PREFIX);
	}

}
