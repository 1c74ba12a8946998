package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.testsupport.ChannelFixtures;
import dev.encore.engine.testsupport.CustomerEvents;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Orders, refunds and engagement into a profile held in a real redis-server. */
class ProfileUpdaterRedisTest {

	private static final JedisPooled redis = TestRedis.client();

	private static final ProfileProperties PROPERTIES = ProfileProperties.defaults();

	private final String prefix = "encore-test:" + UUID.randomUUID() + ":";

	private final Counter roundTrips = new SimpleMeterRegistry().counter("round-trips");

	private final RedisProfileStore store = new RedisProfileStore(redis, this.prefix, new ObjectMapper(),
			this.roundTrips);

	private final ProfileUpdater updater = new ProfileUpdater(this.store, new Lifecycle(PROPERTIES), PROPERTIES,
			ChannelFixtures.shipped());

	/** Three orders, one refunded in full, one in part, engagement with a late open. */
	private static List<CustomerEvent> history(String customer) {
		Function<String, String> id = (name) -> customer + ":" + name;
		return List.of(
				CustomerEvents.order(customer, "o-1", "100")
					.with("coupon", "WELCOME")
					.withCategories("tea", "tea")
					.at("2026-01-01T10:00:00Z")
					.messageId(id.apply("o-1"))
					.build(),
				CustomerEvents.order(customer, "o-2", "50")
					.withCategories("cups")
					.at("2026-01-31T10:00:00Z")
					.messageId(id.apply("o-2"))
					.build(),
				CustomerEvents.refund(customer, "o-2").at("2026-02-05T10:00:00Z").messageId(id.apply("r-2")).build(),
				CustomerEvents.track("Email Opened", customer)
					.at("2026-03-01T10:00:00Z")
					.messageId(id.apply("open-late"))
					.build(),
				CustomerEvents.track("Email Opened", customer)
					.at("2026-02-01T10:00:00Z")
					.messageId(id.apply("open-early"))
					.build(),
				CustomerEvents.track("Email Link Clicked", customer)
					.at("2026-02-02T10:00:00Z")
					.messageId(id.apply("click"))
					.build(),
				CustomerEvents.order(customer, "o-3", "150.00")
					.withCategories("tea")
					.at("2026-03-02T10:00:00Z")
					.messageId(id.apply("o-3"))
					.build(),
				CustomerEvents.refund(customer, "o-3")
					.with("total", "30")
					.at("2026-03-10T10:00:00Z")
					.messageId(id.apply("r-3"))
					.build(),
				CustomerEvents.track("Site Visited", customer)
					.at("2026-03-03T10:00:00Z")
					.messageId(id.apply("visit"))
					.build());
	}

	@Test
	void ordersRefundsAndEngagementGiveExactAggregates() {
		String customer = "c-" + UUID.randomUUID();
		history(customer).forEach(this.updater::apply);

		CustomerProfile profile = this.store.find(customer).orElseThrow();
		OrderStats stats = profile.orders().stats(PROPERTIES.priceBands());
		assertThat(stats.orderCount()).isEqualTo(2);
		assertThat(stats.netRevenue()).isEqualByComparingTo("220");
		assertThat(stats.firstOrderAt()).isEqualTo("2026-01-01T10:00:00Z");
		assertThat(stats.lastOrderAt()).isEqualTo("2026-03-02T10:00:00Z");
		assertThat(stats.averageInterval()).isEqualTo(Duration.ofDays(60));
		assertThat(stats.lastInterval()).isEqualTo(Duration.ofDays(60));
		assertThat(stats.refundCount()).isEqualTo(2);
		assertThat(stats.refundRate()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(stats.discountedShare()).isEqualTo(0.5);
		assertThat(stats.topCategories()).containsExactly("tea");
		assertThat(stats.priceBand()).isEqualTo("mid");
		assertThat(profile.engagement()).isEqualTo(new Engagement(Instant.parse("2026-03-01T10:00:00Z"),
				Instant.parse("2026-02-02T10:00:00Z"), Instant.parse("2026-03-03T10:00:00Z")));
		assertThat(profile.lifecycle().stage()).isEqualTo(LifecycleStage.REPEAT);
	}

	@Test
	void anyArrivalOrderGivesTheSameProfile() {
		String inOrder = "c-" + UUID.randomUUID();
		history(inOrder).forEach(this.updater::apply);
		CustomerProfile expected = this.store.find(inOrder).orElseThrow();

		for (long seed = 0; seed < 5; seed++) {
			String shuffled = "c-" + UUID.randomUUID();
			List<CustomerEvent> events = new ArrayList<>(history(shuffled));
			if (seed == 0) {
				Collections.reverse(events);
			}
			else {
				Collections.shuffle(events, new Random(seed));
			}
			events.forEach(this.updater::apply);

			CustomerProfile actual = this.store.find(shuffled).orElseThrow();
			assertThat(actual.orders().stats(PROPERTIES.priceBands()))
				.isEqualTo(expected.orders().stats(PROPERTIES.priceBands()));
			assertThat(withoutIds(actual.orders())).isEqualTo(withoutIds(expected.orders()));
			assertThat(actual.engagement()).isEqualTo(expected.engagement());
			assertThat(actual.lifecycle().stage()).isEqualTo(expected.lifecycle().stage());
		}
	}

	@Test
	void everyEventCostsAtMostTwoRoundTrips() {
		String customer = "c-" + UUID.randomUUID();
		for (CustomerEvent event : history(customer)) {
			double before = this.roundTrips.count();
			this.updater.apply(event);
			assertThat(this.roundTrips.count() - before).isLessThanOrEqualTo(2);
		}
		assertThat(this.roundTrips.count()).isGreaterThan(history(customer).size());
	}

	@Test
	void identifyNormalisesPhoneAndKeepsWhatCannotBeUsedAside() {
		String customer = "c-" + UUID.randomUUID();
		this.updater.apply(CustomerEvents.identify(customer)
			.trait("phone", "00886 (912) 345-678")
			.trait("timezone", "Asia/Taipei")
			.trait("birthday", "1990-02-28")
			.trait("line_user_id", "U4af4980629")
			.build());
		this.updater.apply(CustomerEvents.identify(customer)
			.trait("phone", "0912 345 678")
			.trait("timeZone", "Mars/Olympus")
			.trait("birthday", "28/02/1990")
			.build());

		CustomerProfile profile = this.store.find(customer).orElseThrow();
		assertThat(profile.phone()).isEqualTo("+886912345678");
		assertThat(profile.timeZone()).isEqualTo("Asia/Taipei");
		assertThat(profile.birthday()).hasToString("1990-02-28");
		assertThat(profile.lineUserId()).isEqualTo("U4af4980629");
		assertThat(profile.traits()).containsEntry("invalidPhone", "0912 345 678")
			.containsEntry("invalidTimeZone", "Mars/Olympus")
			.containsEntry("invalidBirthday", "28/02/1990");
	}

	@Test
	void newestConsentPerChannelWinsWhateverTheArrivalOrder() {
		String customer = "c-" + UUID.randomUUID();
		this.updater.apply(CustomerEvents.identify(customer)
			.trait("consents", Map.of("sms", "revoked", "email", Map.of("granted", true, "source", "checkout")))
			.at("2026-05-02T00:00:00Z")
			.build());
		this.updater.apply(CustomerEvents.identify(customer)
			.trait("consents", Map.of("sms", Map.of("status", "granted", "at", "2026-05-01T00:00:00Z")))
			.at("2026-05-03T00:00:00Z")
			.build());

		CustomerProfile profile = this.store.find(customer).orElseThrow();
		assertThat(profile.consent("sms").granted()).isFalse();
		assertThat(profile.consent("sms").source()).isEqualTo("test");
		assertThat(profile.consent("email"))
			.isEqualTo(new Consent(true, "checkout", Instant.parse("2026-05-02T00:00:00Z")));
		assertThat(profile.consent("line")).isNull();
	}

	private static Map<String, BigDecimal> withoutIds(OrderHistory orders) {
		// Refunds are keyed by their event ids, which differ per customer here.
		Map<String, BigDecimal> byOrder = new java.util.TreeMap<>();
		orders.orders().keySet().forEach((id) -> byOrder.put(id, orders.refunded(id)));
		return byOrder;
	}

	@AfterEach
	void removeKeys() {
		redis.scan(ScanParams.SCAN_POINTER_START, new ScanParams().match(this.prefix + "*").count(1000))
			.getResult()
			.forEach(redis::del);
	}

	@AfterAll
	static void close() {
		redis.close();
	}

}
