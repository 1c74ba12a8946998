package dev.encore.engine.testsupport;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EncoreIntegrationTest} with profiles in the real redis-server (one Spring
 * context for every subclass), under a key prefix of this test run.
 */
public abstract class RedisIntegrationTest extends EncoreIntegrationTest {

	protected static final String REDIS_PREFIX = "encore-test:" + UUID.randomUUID() + ":";

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("encore.redis.url", TestRedis::url);
		registry.add("encore.redis.key-prefix", () -> REDIS_PREFIX);
	}

}
