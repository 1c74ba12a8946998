package dev.encore.engine.intake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisAliasesTest extends AliasesContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisAliases aliases = new RedisAliases(redis, this.prefix);

	@Override
	Aliases aliases() {
		return this.aliases;
	}

	@Test
	void aLinkIsOneStringKeyHoldingTheCustomerId() {
		this.aliases.link(this.visitor, "c-1");

		assertThat(TestRedis.keys(redis, this.prefix)).containsExactly(this.prefix + "alias:" + this.visitor);
		assertThat(redis.get(this.prefix + "alias:" + this.visitor)).isEqualTo("c-1");
	}

	@Test
	void linksAlreadyInRedisReadBack() {
		redis.set(this.prefix + "alias:" + this.visitor, "c-9");

		assertThat(this.aliases.customerOf(this.visitor)).contains("c-9");
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
