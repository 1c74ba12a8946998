package dev.encore.engine.intake;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real redis-server (see {@link TestRedis}; .ci/run starts one). */
class RedisRecentMessageIdsTest extends RecentMessageIdsContract {

	private static final Duration WINDOW = Duration.ofDays(7);

	private static final JedisPooled redis = TestRedis.client();

	private final String prefix = TestRedis.uniquePrefix();

	private final RedisRecentMessageIds ids = new RedisRecentMessageIds(redis, this.prefix, WINDOW);

	@Override
	RecentMessageIds ids() {
		return this.ids;
	}

	@Override
	boolean remembers() {
		return true;
	}

	@Test
	void aRememberedIdIsSeenAndKeptForTheWindowUnderItsOwnKey() {
		this.ids.remember(this.messageId);

		assertThat(this.ids.seen(this.messageId)).isTrue();
		String key = this.prefix + "event:" + this.messageId;
		assertThat(TestRedis.keys(redis, this.prefix)).containsExactly(key);
		assertThat(redis.get(key)).isEqualTo("1");
		assertThat(redis.ttl(key)).isBetween(WINDOW.toSeconds() - 60, WINDOW.toSeconds());
	}

	@Test
	void rememberingAgainKeepsTheFirstWindow() {
		this.ids.remember(this.messageId);
		redis.expire(this.prefix + "event:" + this.messageId, 100);

		this.ids.remember(this.messageId);

		assertThat(redis.ttl(this.prefix + "event:" + this.messageId)).isLessThanOrEqualTo(100);
	}

	@Test
	void anIdMarkedBeforeIsSeen() {
		redis.set(this.prefix + "event:" + this.messageId, "1");

		assertThat(this.ids.seen(this.messageId)).isTrue();
	}

	@Test
	void whileRedisIsDownSeenFailsButRememberDoesNot() {
		try (JedisPooled down = new JedisPooled("127.0.0.1", 1)) {
			RedisRecentMessageIds unreachable = new RedisRecentMessageIds(down, this.prefix, WINDOW);

			assertThatThrownBy(() -> unreachable.seen(this.messageId)).isInstanceOf(JedisConnectionException.class);
			unreachable.remember(this.messageId);
		}
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
