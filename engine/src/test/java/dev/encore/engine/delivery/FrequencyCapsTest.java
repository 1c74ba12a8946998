package dev.encore.engine.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.delivery.GuardrailProperties.CapRule;
import dev.encore.engine.profile.ProfileConfiguration;
import dev.encore.engine.profile.RedisProperties;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Caps on the real redis-server (one Lua script) and in memory, with the same rules. */
class FrequencyCapsTest {

	private static final String PREFIX = "encore-test:" + UUID.randomUUID() + ":";

	private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

	private static final List<CapRule> RULES = List.of(new CapRule("sms_per_day", "sms", 1, 1),
			new CapRule("marketing_per_week", "any", 3, 7));

	private static JedisPooled redis;

	@BeforeAll
	static void connect() {
		redis = TestRedis.client();
	}

	@AfterAll
	static void removeKeys() {
		redis.keys(PREFIX + "*").forEach(redis::del);
		redis.close();
	}

	private static FrequencyCaps caps(String store) {
		return new FrequencyCaps(new ProfileConfiguration.JedisHolder("redis".equals(store) ? redis : null),
				new RedisProperties(TestRedis.url(), PREFIX));
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void twoSendsRacingForTheLastSlotNeverBothPass(String store) throws Exception {
		FrequencyCaps caps = caps(store);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 200; round++) {
				String customer = "race-" + round + "-" + UUID.randomUUID();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Optional<CapRule>>> racers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					Callable<Optional<CapRule>> racer = () -> {
						start.await();
						return caps.take(customer, "send-" + UUID.randomUUID(), "sms", DAY, RULES);
					};
					racers.add(pool.submit(racer));
				}
				start.countDown();
				int passed = 0;
				for (Future<Optional<CapRule>> racer : racers) {
					Optional<CapRule> full = racer.get();
					if (full.isEmpty()) {
						passed++;
					}
					else {
						assertThat(full.get().name()).isEqualTo("sms_per_day");
					}
				}
				assertThat(passed).as("round %d", round).isEqualTo(1);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * A send retried after a crash or a provider outage asks again with its own key: it
	 * keeps its slot instead of taking (and capping) another.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void aRetriedSendKeepsItsSlotAndGivesItBackOnce(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "retry-" + UUID.randomUUID();
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(caps.take(customer, "reminder-1", "sms", DAY, RULES)).as("attempt %d", attempt).isEmpty();
		}
		assertThat(caps.take(customer, "reminder-2", "sms", DAY, RULES)).map(CapRule::name).hasValue("sms_per_day");
		caps.release(customer, "reminder-1", "sms", DAY);
		caps.release(customer, "reminder-1", "sms", DAY);
		assertThat(caps.take(customer, "reminder-2", "sms", DAY, RULES)).isEmpty();
		assertThat(caps.take(customer, "reminder-3", "email", DAY, RULES)).isEmpty();
		assertThat(caps.take(customer, "reminder-4", "email", DAY, RULES)).isEmpty();
		assertThat(caps.take(customer, "reminder-5", "email", DAY, RULES)).map(CapRule::name)
			.as("a double release gave back one slot, not two")
			.hasValue("marketing_per_week");
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void rulesCountCalendarDaysAndAReleasedSlotCanBeTakenAgain(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "week-" + UUID.randomUUID();
		assertThat(caps.take(customer, "send-1", "email", DAY, RULES)).isEmpty();
		assertThat(caps.take(customer, "send-2", "sms", DAY, RULES)).isEmpty();
		// One SMS a day: the next day allows another.
		assertThat(caps.take(customer, "send-3", "sms", DAY, RULES)).map(CapRule::name).hasValue("sms_per_day");
		assertThat(caps.take(customer, "send-4", "sms", DAY.plusDays(1), RULES)).isEmpty();
		// Three marketing messages in seven days, whatever the channel.
		assertThat(caps.take(customer, "send-5", "email", DAY.plusDays(2), RULES)).map(CapRule::name)
			.hasValue("marketing_per_week");
		caps.release(customer, "send-4", "sms", DAY.plusDays(1));
		assertThat(caps.take(customer, "send-6", "email", DAY.plusDays(2), RULES)).isEmpty();
		// Seven days on, the first day's two no longer count (the released SMS never
		// did):
		// DAY+2 and two more make three.
		assertThat(caps.take(customer, "send-7", "email", DAY.plusDays(7), RULES)).isEmpty();
		assertThat(caps.take(customer, "send-8", "line", DAY.plusDays(7), RULES)).isEmpty();
		assertThat(caps.take(customer, "send-9", "line", DAY.plusDays(7), RULES)).map(CapRule::name)
			.hasValue("marketing_per_week");
		// A journey without caps is never capped.
		assertThat(caps.take(customer, "send-10", "line", DAY.plusDays(7), List.of())).isEmpty();
	}

}
