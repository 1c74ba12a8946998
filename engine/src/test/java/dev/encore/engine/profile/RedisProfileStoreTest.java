package dev.encore.engine.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisProfileStoreTest extends ProfileStoreContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisProfileStore store = new RedisProfileStore(redis, this.prefix, new ObjectMapper(),
			new SimpleMeterRegistry().counter("round-trips"));

	@Override
	ProfileStore store() {
		return this.store;
	}

	@Test
	void profileIsOneHashUnderThePrefixPlusItsContactIndex() {
		savedProfileReadsBackWithTraitsAndCart();

		assertThat(TestRedis.keys(redis, this.prefix)).hasSize(2)
			.anySatisfy((key) -> assertThat(key).startsWith(this.prefix + "profile:c-"))
			.anySatisfy((key) -> assertThat(key).isEqualTo(this.prefix + "contact:ada@example.org"));
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
