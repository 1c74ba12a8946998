package dev.encore.engine.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.TestRedis;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisCustomerDevicesTest extends CustomerDevicesContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisCustomerDevices store = new RedisCustomerDevices(redis, this.prefix, new ObjectMapper());

	@Override
	CustomerDevices store() {
		return this.store;
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
