package dev.encore.engine.intake;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dedupe by messageId against the real redis-server. */
class RedisDedupeTest extends RedisIntegrationTest {

	@Autowired
	EventProcessor processor;

	@Autowired
	EventHistory events;

	@Autowired
	JdbcClient jdbc;

	private final JedisPooled redis = TestRedis.client();

	private static String mark(String messageId) {
		return REDIS_PREFIX + "event:" + messageId;
	}

	@Test
	void appliedEventIsRememberedForTheDedupeWindowAndItsReplayChangesNothing() throws Exception {
		String customer = newCustomerId();
		TestEvents checkout = TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0);
		send(checkout).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("accepted"));

		assertThat(this.redis.ttl(mark(checkout.messageId()))).isGreaterThan(Duration.ofDays(7).toSeconds() - 60);
		send(checkout).andExpect(jsonPath("$.status").value("duplicate"));
		assertThat(this.events.forCustomer(customer)).hasSize(1);
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
	}

	@Test
	void redisStillDedupesOnceTheHistoryRowIsPurged() throws Exception {
		String customer = newCustomerId();
		TestEvents checkout = TestEvents.checkoutStarted(customer);
		send(checkout).andExpect(jsonPath("$.status").value("accepted"));
		this.jdbc.sql("DELETE FROM encore_event WHERE message_id = ?").param(checkout.messageId()).update();

		send(checkout).andExpect(jsonPath("$.status").value("duplicate"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
	}

	@Test
	void failedApplyLeavesNoMarkSoTheRetryIsApplied() throws Exception {
		String customer = newCustomerId();
		// A profile Encore cannot read makes the transaction fail after the dedupe check.
		String profileKey = REDIS_PREFIX + "profile:" + customer;
		this.redis.hset(profileKey, Map.of("customerId", customer, "traits", "{not json"));
		CustomerEvent event = new CustomerEvent("m-" + customer, EventType.TRACK, "Checkout Started", customer, START,
				Map.of("currency", "USD"), null, "http");

		assertThatThrownBy(() -> this.processor.process(event)).hasMessageContaining("Unreadable profile");
		assertThat(this.redis.exists(mark(event.messageId()))).isFalse();
		assertThat(this.events.forCustomer(customer)).isEmpty();

		this.redis.del(profileKey);
		assertThat(this.processor.process(event)).isEqualTo(EventSink.Outcome.APPLIED);
		assertThat(this.redis.exists(mark(event.messageId()))).isTrue();
		assertThat(this.processor.process(event)).isEqualTo(EventSink.Outcome.DUPLICATE);
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
	}

}
