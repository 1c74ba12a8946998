package dev.encore.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import redis.clients.jedis.JedisPooled;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestKafka;
import dev.encore.engine.testsupport.TestRedis;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine nodes on one PostgreSQL database, one Redis and one Kafka consumer group,
 * each with its own job executor, taking a shop's traffic between them; one stops mid-run
 * and the other takes over its partitions and its jobs. Every event is applied once,
 * every timer fires once and every email reaches the SMTP server once.
 */
@Tag("integration")
@EnabledIf("dev.encore.engine.testsupport.TestDatabase#postgres")
class TwoNodeTest {

	private static final int CUSTOMERS = 200;

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static EmbeddedKafkaKraftBroker kafka;

	private final List<EncoreNode> nodes = new ArrayList<>();

	@BeforeAll
	static void startKafka() {
		kafka = TestKafka.broker(4);
		kafka.afterPropertiesSet();
	}

	@AfterAll
	static void stopKafka() {
		kafka.destroy();
	}

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
		// The cart journey's holdout gets no reminder; everyone else does.
		List<String> reminded = customers.stream()
			.filter((customer) -> !Holdouts.holdsOut("AbandonedCart", customer))
			.toList();
		long buyersReminded = reminded.stream().filter((customer) -> customers.indexOf(customer) % 2 == 0).count();

		// 1,800 events through Kafka: the two nodes share the topic's partitions in one
		// consumer group.
		List<TestEvents> browsing = new ArrayList<>();
		customers.forEach((customer) -> browsing.addAll(browseAndCheckout(customer)));
		publish(browsing);
		await(() -> storefrontEvents(b) == 1800 && activeCartJourneys(b) == CUSTOMERS);

		// An hour later the first reminders fall due; node A stops while they are going
		// out.
		advanceClock(Duration.ofHours(1));
		await(() -> mailCount() >= CUSTOMERS / 5);
		a.close();
		// Jobs node A had locked but not run become free when their lock expires.
		advanceClock(Duration.ofMinutes(6));
		await(() -> mailCount() == reminded.size() && dueJobs(b) == 0);

		// 200 more events through Kafka, all consumed by node B, which took over node A's
		// partitions: half the customers buy, half only visit the site.
		publish(customers.stream()
			.map((customer) -> customers.indexOf(customer) % 2 == 0 ? TestEvents.orderCompleted(customer)
					: TestEvents.track("Site Visited", customer))
			.toList());
		// A storefront resending some of the first events over HTTP changes nothing.
		for (TestEvents retry : browsing.subList(0, 100)) {
			assertThat(b.post(retry)).isEqualTo(202);
		}
		await(() -> storefrontEvents(b) == 2000);

		// The coupon reminder a day after checkout (by email: no phone or LINE here), the
		// last call after three days.
		advanceClock(Duration.ofHours(23));
		await(() -> dueJobs(b) == 0);
		advanceClock(Duration.ofHours(48));
		await(() -> activeCartJourneys(b) == 0 && dueJobs(b) == 0);

		// Reminded buyers: the first reminder; the others all three. Every buyer, holdout
		// or not, also gets the order's thank-you (post-purchase journey).
		Map<String, Integer> mailPerCustomer = mailPerCustomer();
		for (int i = 0; i < CUSTOMERS; i++) {
			String customer = customers.get(i);
			int cart = !reminded.contains(customer) ? 0 : i % 2 == 0 ? 1 : 3;
			int thanks = i % 2 == 0 ? 1 : 0;
			assertThat(mailPerCustomer.getOrDefault(customer, 0)).as(customer).isEqualTo(cart + thanks);
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
			.isEqualTo(reminded.size() + 2 * (reminded.size() - buyersReminded) + CUSTOMERS / 2);
		assertThat(finished(b, "SendTaskCartReminderEmail")).isEqualTo(reminded.size());
		assertThat(finished(b, "SendTaskCartSecondReminderEmail")).isEqualTo(reminded.size() - buyersReminded);
		assertThat(finished(b, "SendTaskCartLastCallEmail")).isEqualTo(reminded.size() - buyersReminded);
		assertThat(finished(b, "EndEventHoldout")).isEqualTo(customers.stream()
			.filter((customer) -> !reminded.contains(customer) && customers.indexOf(customer) % 2 == 1)
			.count());
		assertThat(finished(b, "SendTaskOrderThanksEmail")).isEqualTo(CUSTOMERS / 2);
		// What is left is each buyer's wait for the delivery before the review request
		// and the second-purchase nudge's wait for the usual repurchase interval.
		assertThat(b.bean(ManagementService.class).createJobQuery().count()).isEqualTo(CUSTOMERS);
		assertThat(
				b.bean(ManagementService.class).createJobQuery().timers().processDefinitionKey("PostPurchase").count())
			.isEqualTo(CUSTOMERS / 2);
		assertThat(b.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processDefinitionKey("SecondPurchase")
			.activityIdIn("TimerWaitRepurchaseInterval")
			.count()).isEqualTo(CUSTOMERS / 2);
	}

	private EncoreNode start(String name, String database) {
		// Customer state must be shared too: a node runs jobs for customers the other one
		// saw.
		EncoreNode node = EncoreNode.start(name, database,
				Map.of("encore.redis.url", TestRedis.url(), "encore.redis.key-prefix", this.redisPrefix,
						"spring.kafka.bootstrap-servers", kafka.getBrokersAsString(), "encore.intake.kafka.concurrency",
						2));
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
	 * Publishes events keyed by customer id, in order per customer, as a storefront does.
	 */
	private static void publish(List<TestEvents> events) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			for (TestEvents event : events) {
				producer.send(new ProducerRecord<>("encore.events", event.customerId(), event.json()));
			}
			producer.flush();
		}
	}

	private static long storefrontEvents(EncoreNode node) {
		return node.bean(JdbcTemplate.class)
			.queryForObject("select count(*) from encore_event where source <> 'encore'", Long.class);
	}

	private static void advanceClock(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	/**
	 * The job executors work in the background: wait, boundedly, for them to get there.
	 */
	private static void await(BooleanSupplier condition) {
		Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
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
