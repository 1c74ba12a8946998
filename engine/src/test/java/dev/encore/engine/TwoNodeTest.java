package dev.encore.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestRedis;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine nodes on one PostgreSQL database, each with its own job executor, taking a
 * shop's traffic between them; one stops mid-run. Every event is applied once, every
 * timer fires once and every email reaches the SMTP server once.
 */
@Tag("integration")
@EnabledIf("dev.encore.engine.testsupport.TestDatabase#postgres")
class TwoNodeTest {

	private static final int CUSTOMERS = 200;

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private final List<EncoreNode> nodes = new ArrayList<>();

	private final String redisPrefix = "test:" + UUID.randomUUID() + ":";

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(EncoreNode::close);
		ClockUtil.reset();
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void nodesShareTheWorkAndTheSurvivorFinishesWhenOneStops() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
		TestSmtpServer.get().purgeEmailFromAllMailboxes();
		String database = TestDatabase.createPostgres();
		EncoreNode a = start("nodeA", database);
		EncoreNode b = start("nodeB", database);
		List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj((i) -> "two-node-" + i).toList();

		// 1,800 events, each customer's on one node in order (as a Kafka partition
		// would).
		List<TestEvents> browsing = sendAll(customers, (i) -> i % 2 == 0 ? a : b, this::browseAndCheckout);
		assertThat(activeCartJourneys(b)).isEqualTo(CUSTOMERS);

		// An hour later the first reminders fall due; node A stops while they are going
		// out.
		advanceClock(Duration.ofHours(1));
		await(() -> mailCount() >= CUSTOMERS / 5);
		a.close();
		// Jobs node A had locked but not run become free when their lock expires.
		advanceClock(Duration.ofMinutes(6));
		await(() -> mailCount() == CUSTOMERS && dueJobs(b) == 0);

		// 200 more events, all on node B: half the customers buy, half only visit the
		// site.
		sendAll(customers, (i) -> b, (customer) -> List.of(customers.indexOf(customer) % 2 == 0
				? TestEvents.orderCompleted(customer) : TestEvents.track("Site Visited", customer)));
		// A storefront retrying against the other node changes nothing.
		for (TestEvents retry : browsing.subList(0, 100)) {
			assertThat(b.post(retry)).isEqualTo(202);
		}

		advanceClock(Duration.ofHours(23));
		await(() -> activeCartJourneys(b) == 0 && dueJobs(b) == 0);

		Map<String, Integer> mailPerCustomer = mailPerCustomer();
		for (int i = 0; i < CUSTOMERS; i++) {
			assertThat(mailPerCustomer.get(customers.get(i))).as(customers.get(i)).isEqualTo(i % 2 == 0 ? 1 : 2);
		}
		JdbcTemplate db = b.bean(JdbcTemplate.class);
		assertThat(db.queryForObject("select count(*) from encore_event where source <> 'encore'", Long.class))
			.isEqualTo(2000);
		// Each first purchase moved a prospect to first-time: one internal event each,
		// once.
		assertThat(db.queryForObject("select count(*) from encore_event where event_name = 'Lifecycle Stage Changed'",
				Long.class))
			.isEqualTo(CUSTOMERS / 2);
		assertThat(db.queryForObject("select count(distinct send_key) from encore_message_log", Long.class))
			.isEqualTo(db.queryForObject("select count(*) from encore_message_log", Long.class))
			.isEqualTo(300);
		assertThat(finished(b, "SendTaskCartReminderEmail")).isEqualTo(CUSTOMERS);
		assertThat(finished(b, "SendTaskSecondCartReminderEmail")).isEqualTo(CUSTOMERS / 2);
		assertThat(b.bean(ManagementService.class).createJobQuery().count()).isZero();
	}

	private EncoreNode start(String name, String database) {
		// Customer state must be shared too: a node runs jobs for customers the other one
		// saw.
		EncoreNode node = EncoreNode.start(name, database,
				Map.of("encore.redis.url", TestRedis.url(), "encore.redis.key-prefix", this.redisPrefix));
		this.nodes.add(node);
		return node;
	}

	private List<TestEvents> browseAndCheckout(String customer) {
		List<TestEvents> events = new ArrayList<>();
		events.add(TestEvents.identify(customer, customer + "@example.org", "Ada"));
		for (int view = 0; view < 5; view++) {
			events.add(TestEvents.track("Product Viewed", customer).with("product_id", "p-" + view));
		}
		events.add(TestEvents.track("Product Added", customer).with("product_id", "p-1"));
		events.add(TestEvents.track("Cart Viewed", customer));
		events.add(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));
		return events;
	}

	/**
	 * Posts each customer's events in order, customers in parallel; all must be accepted.
	 */
	private List<TestEvents> sendAll(List<String> customers, java.util.function.IntFunction<EncoreNode> nodeOf,
			java.util.function.Function<String, List<TestEvents>> eventsOf) throws Exception {
		ExecutorService storefronts = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<TestEvents>>> sent = new ArrayList<>();
			for (int i = 0; i < customers.size(); i++) {
				EncoreNode node = nodeOf.apply(i);
				String customer = customers.get(i);
				sent.add(storefronts.submit(() -> {
					List<TestEvents> events = eventsOf.apply(customer);
					for (TestEvents event : events) {
						assertThat(node.post(event)).as(node.name() + " accepts " + event.json()).isEqualTo(202);
					}
					return events;
				}));
			}
			List<TestEvents> all = new ArrayList<>();
			for (Future<List<TestEvents>> customer : sent) {
				all.addAll(customer.get());
			}
			return all;
		}
		finally {
			storefronts.shutdown();
		}
	}

	private static void advanceClock(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	/**
	 * The job executors work in the background: wait, boundedly, for them to get there.
	 */
	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("nodes did not catch up within " + PATIENCE).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static long activeCartJourneys(EncoreNode node) {
		return node.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processDefinitionKey("AbandonedCart")
			.count();
	}

	private static long dueJobs(EncoreNode node) {
		return node.bean(ManagementService.class).createJobQuery().executable().count();
	}

	private static long finished(EncoreNode node, String activityId) {
		return node.bean(HistoryService.class)
			.createHistoricActivityInstanceQuery()
			.activityId(activityId)
			.finished()
			.count();
	}

	private static int mailCount() {
		return TestSmtpServer.get().getReceivedMessages().length;
	}

	private static Map<String, Integer> mailPerCustomer() throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (MimeMessage message : TestSmtpServer.get().getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				counts.merge(to.toString().replace("@example.org", ""), 1, Integer::sum);
			}
		}
		return counts;
	}

}
