package dev.encore.engine.inbox;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisInboxStoreTest extends InboxStoreContract {

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisInboxStore inboxes = new RedisInboxStore(redis, this.prefix,
			new ObjectMapper().registerModule(new JavaTimeModule()));

	@Override
	InboxStore inboxes() {
		return this.inboxes;
	}

	@Test
	void bothKeysExpireWithTheLongestLivedMessageSoNothingGrowsForever() {
		this.inboxes.put("c-1", message("long", NOW, Duration.ofDays(2)));
		this.inboxes.put("c-1", message("short", NOW.plusSeconds(60), Duration.ofHours(1)));

		assertThat(TestRedis.keys(redis, this.prefix)).containsExactlyInAnyOrder(this.prefix + "inbox:c-1",
				this.prefix + "inbox:c-1:expiry");
		for (String key : TestRedis.keys(redis, this.prefix)) {
			assertThat(redis.pttl(key)).as(key)
				.isBetween(Duration.ofDays(2).minusMinutes(1).toMillis(), Duration.ofDays(2).toMillis());
		}
	}

	@Test
	void aReadRemovesWhatExpired() {
		this.inboxes.put("c-1", message("short", NOW, Duration.ofHours(1)));
		this.inboxes.put("c-1", message("long", NOW, Duration.ofDays(7)));

		this.inboxes.unexpired("c-1", NOW.plus(Duration.ofHours(2)));

		assertThat(redis.hkeys(this.prefix + "inbox:c-1")).containsExactly("long");
		assertThat(redis.zrange(this.prefix + "inbox:c-1:expiry", 0, -1)).containsExactly("long");
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
