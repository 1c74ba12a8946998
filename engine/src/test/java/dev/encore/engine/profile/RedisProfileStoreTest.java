package dev.encore.engine.profile;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisProfileStoreTest extends ProfileStoreContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = "encore-test:" + UUID.randomUUID() + ":";

	private final RedisProfileStore store = new RedisProfileStore(redis, this.prefix, new ObjectMapper(),
			new SimpleMeterRegistry().counter("round-trips"));

	@Override
	ProfileStore store() {
		return this.store;
	}

	@Test
	void profileIsOneHashUnderThePrefixPlusItsContactIndex() {
		savedProfileReadsBackWithTraitsAndCart();

		assertThat(keys()).hasSize(2)
			.anySatisfy((key) -> assertThat(key).startsWith(this.prefix + "profile:c-"))
			.anySatisfy((key) -> assertThat(key).isEqualTo(this.prefix + "contact:ada@example.org"));
	}

	@AfterEach
	void removeKeys() {
		keys().forEach(redis::del);
	}

	@AfterAll
	static void close() {
		redis.close();
	}

	private java.util.List<String> keys() {
		ScanResult<String> scan = redis.scan(ScanParams.SCAN_POINTER_START,
				new ScanParams().match(this.prefix + "*").count(1000));
		return scan.getResult();
	}

}
