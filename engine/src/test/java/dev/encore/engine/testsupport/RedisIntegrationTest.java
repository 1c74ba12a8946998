package dev.encore.engine.testsupport;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EncoreIntegrationTest} with profiles in the real redis-server (one Spring
 * context for every subclass), under a key prefix of this test run.
 */
public abstract class RedisIntegrationTest extends EncoreIntegrationTest {

	protected static final String REDIS_PREFIX = "encore-test:" + UUID.randomUUID() + ":";

	@AfterAll
	static void removeKeys() {
		try (JedisPooled redis = TestRedis.client()) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = redis.scan(cursor, new ScanParams().match(REDIS_PREFIX + "*").count(1000));
				page.getResult().forEach(redis::del);
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("encore.redis.url", TestRedis::url);
		registry.add("encore.redis.key-prefix", () -> REDIS_PREFIX);
	}

}
