package dev.encore.engine.delivery;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import dev.encore.connectors.Channel;
import dev.encore.engine.delivery.SuppressionList.Entry;
import dev.encore.engine.delivery.SuppressionList.Reason;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisSuppressionListTest extends SuppressionListContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisSuppressionList suppressions = new RedisSuppressionList(redis, this.prefix, CLOCK);

	@Override
	SuppressionList suppressions() {
		return this.suppressions;
	}

	@Test
	void eachChannelIsOneHashOfAddressToReasonAndTime() {
		this.suppressions.add(Channel.EMAIL, "Ada@example.org", Reason.HARD_BOUNCE);

		assertThat(TestRedis.keys(redis, this.prefix)).containsExactly(this.prefix + "suppression:email");
		assertThat(redis.hgetAll(this.prefix + "suppression:email"))
			.containsExactlyEntriesOf(Map.of("ada@example.org", "hard_bounce|2026-03-01T10:00:00Z"));
	}

	@Test
	void entriesAlreadyInRedisReadBack() {
		redis.hset(this.prefix + "suppression:sms", "+886912345678", "complaint|2025-12-24T23:59:59.123Z");

		assertThat(this.suppressions.find(Channel.SMS, "+886912345678"))
			.contains(new Entry("sms", "+886912345678", Reason.COMPLAINT, Instant.parse("2025-12-24T23:59:59.123Z")));
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
