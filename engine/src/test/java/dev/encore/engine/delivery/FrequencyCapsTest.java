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
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FrequencyCaps} must do, run on the real redis-server (one Lua script)
 * and in memory with the same rules.
 */
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
		return "redis".equals(store) ? new RedisFrequencyCaps(redis, PREFIX) : new InMemoryFrequencyCaps();
	}

	/** The rule that refused the send, empty when it took (or kept) a slot. */
	private static Optional<String> take(FrequencyCaps caps, String customer, String sendKey, String channel,
			LocalDate day) {
		return Optional.ofNullable(caps.take(customer, sendKey, channel, day, RULES).full()).map(CapRule::name);
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
				List<Future<Optional<String>>> racers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					Callable<Optional<String>> racer = () -> {
						start.await();
						return take(caps, customer, "send-" + UUID.randomUUID(), "sms", DAY);
					};
					racers.add(pool.submit(racer));
				}
				start.countDown();
				int passed = 0;
				for (Future<Optional<String>> racer : racers) {
					Optional<String> full = racer.get();
					if (full.isEmpty()) {
						passed++;
					}
					else {
						assertThat(full).hasValue("sms_per_day");
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
			assertThat(take(caps, customer, "reminder-1", "sms", DAY)).as("attempt %d", attempt).isEmpty();
		}
		assertThat(take(caps, customer, "reminder-2", "sms", DAY)).hasValue("sms_per_day");
		caps.release(customer, "reminder-1", "sms");
		caps.release(customer, "reminder-1", "sms");
		assertThat(take(caps, customer, "reminder-2", "sms", DAY)).isEmpty();
		assertThat(take(caps, customer, "reminder-3", "email", DAY)).isEmpty();
		assertThat(take(caps, customer, "reminder-4", "email", DAY)).isEmpty();
		assertThat(take(caps, customer, "reminder-5", "email", DAY)).as("a double release gave back one slot, not two")
			.hasValue("marketing_per_week");
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void rulesCountCalendarDaysAndAReleasedSlotCanBeTakenAgain(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "week-" + UUID.randomUUID();
		assertThat(take(caps, customer, "send-1", "email", DAY)).isEmpty();
		assertThat(take(caps, customer, "send-2", "sms", DAY)).isEmpty();
		// One SMS a day: the next day allows another.
		assertThat(take(caps, customer, "send-3", "sms", DAY)).hasValue("sms_per_day");
		assertThat(take(caps, customer, "send-4", "sms", DAY.plusDays(1))).isEmpty();
		// Three marketing messages in seven days, whatever the channel.
		assertThat(take(caps, customer, "send-5", "email", DAY.plusDays(2))).hasValue("marketing_per_week");
		caps.release(customer, "send-4", "sms");
		assertThat(take(caps, customer, "send-6", "email", DAY.plusDays(2))).isEmpty();
		// Seven days on, the first day's two no longer count (the released SMS never
		// did): DAY+2 and two more make three.
		assertThat(take(caps, customer, "send-7", "email", DAY.plusDays(7))).isEmpty();
		assertThat(take(caps, customer, "send-8", "line", DAY.plusDays(7))).isEmpty();
		assertThat(take(caps, customer, "send-9", "line", DAY.plusDays(7))).hasValue("marketing_per_week");
		// A journey without caps is never capped.
		assertThat(caps.take(customer, "send-10", "line", DAY.plusDays(7), List.of()).full()).isNull();
	}

	/**
	 * A send that took its slot at 23:59 and is retried at 00:01 (provider outage, a
	 * rerun after a crash) keeps it on the first day: the second day's counters never see
	 * it, so the day's own SMS still goes.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void aRetryAfterMidnightKeepsTheSlotOnTheDayItWasTaken(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "midnight-" + UUID.randomUUID();
		assertThat(caps.take(customer, "reminder-1", "sms", DAY, RULES).day()).isEqualTo(DAY);

		assertThat(caps.take(customer, "reminder-1", "sms", DAY.plusDays(1), RULES).day()).isEqualTo(DAY);
		assertThat(counts(caps, customer, DAY)).containsExactly(1L, 1L);
		assertThat(counts(caps, customer, DAY.plusDays(1))).containsExactly(0L, 0L);
		assertThat(take(caps, customer, "reminder-2", "sms", DAY.plusDays(1))).isEmpty();
	}

	/**
	 * A release after midnight (the retry failed for good, or the customer unsubscribed
	 * overnight) gives the slot back to its own day and leaves the new day's alone.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void aReleaseAfterMidnightGivesTheSlotBackToItsOwnDay(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "release-" + UUID.randomUUID();
		take(caps, customer, "reminder-1", "sms", DAY);
		take(caps, customer, "next-day", "sms", DAY.plusDays(1));

		assertThat(caps.release(customer, "reminder-1", "sms")).hasValue(DAY);
		assertThat(counts(caps, customer, DAY)).containsExactly(0L, 0L);
		assertThat(counts(caps, customer, DAY.plusDays(1))).containsExactly(1L, 1L);
		assertThat(caps.release(customer, "reminder-1", "sms")).as("given back once").isEmpty();
		assertThat(counts(caps, customer, DAY)).containsExactly(0L, 0L);
		assertThat(take(caps, customer, "reminder-3", "sms", DAY)).as("the first day's slot is free again").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "memory" })
	void erasingACustomerForgetsTheirCountersAndSlots(String store) {
		FrequencyCaps caps = caps(store);
		String customer = "erase-" + UUID.randomUUID();
		take(caps, customer, "reminder-1", "sms", DAY);
		assertThat(caps.erase(customer, "erased-test")).as("counters and slot").isPositive();
		assertThat(counts(caps, customer, DAY)).containsExactly(0L, 0L);
		assertThat(caps.release(customer, "reminder-1", "sms")).isEmpty();
		assertThat(take(caps, customer, "reminder-2", "sms", DAY)).isEmpty();
	}

	/** The day's SMS count and its count over every channel. */
	private static List<Long> counts(FrequencyCaps caps, String customer, LocalDate day) {
		return List.of(caps.count(customer, "sms", day), caps.count(customer, "any", day));
	}

}
