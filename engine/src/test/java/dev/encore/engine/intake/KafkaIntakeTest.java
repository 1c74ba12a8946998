package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The events topic on a real in-process KRaft broker: per-customer order, offsets after
 * apply, redelivery and replays deduped, poison records (invalid, or failing every
 * attempt) dead-lettered without stalling their partition. All Kafka tests live here so
 * they share one Spring context and one broker.
 */
// The broker's address goes into this context only (see TestKafka).
@EmbeddedKafka(kraft = true, partitions = 4, topics = { "encore.events", "encore.events.DLT" },
		bootstrapServersProperty = TestKafka.BROKERS_PROPERTY)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class KafkaIntakeTest extends RedisIntegrationTest {

	private static final String TOPIC = "encore.events";

	@Autowired
	KafkaTemplate<String, String> producer;

	@Autowired
	ConcurrentMessageListenerContainer<String, ?> consumer;

	@Autowired
	EventHistory events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ProfileStore profiles;

	private static String run() {
		return "k-" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	private long recorded(String run) {
		return this.jdbc.sql("SELECT COUNT(*) FROM encore_event WHERE customer_id LIKE ?")
			.param(run + "%")
			.query(Long.class)
			.single();
	}

	private static void awaitUntil(String what, BooleanSupplier condition) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(condition::getAsBoolean);
	}

	/**
	 * The count of records received, once it has stood still for two seconds (longer than
	 * a deterministic retry's back-off): no other partition is still working.
	 */
	private double receivedOnceQuiet() {
		AtomicReference<Double> seen = new AtomicReference<>(Double.NaN);
		AtomicLong since = new AtomicLong();
		Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
			double now = this.meters.counter("encore.events.received", "source", "kafka").count();
			if (now != seen.getAndSet(now)) {
				since.set(System.nanoTime());
			}
			return System.nanoTime() - since.get() >= Duration.ofSeconds(2).toNanos();
		});
		return seen.get();
	}

	private void publish(String customer, String json) {
		this.producer.send(TOPIC, customer, json).join();
	}

	private static String step(String customer, int seq) {
		return TestEvents.track("Kafka Probe", customer).messageId(customer + "-" + seq).with("seq", seq).json();
	}

	private List<Integer> appliedOrder(String customer) {
		return this.events.forCustomer(customer)
			.stream()
			.filter((event) -> event.properties().get("seq") instanceof Number)
			.map((event) -> ((Number) event.properties().get("seq")).intValue())
			.toList();
	}

	@Test
	void eventsOfFiftyCustomersApplyOnceInOrderAcrossARestartWithRedelivery() throws Exception {
		String run = run();
		List<String[]> stream = new ArrayList<>();
		for (int seq = 0; seq < 20; seq++) {
			for (int c = 0; c < 50; c++) {
				stream.add(new String[] { run + c, step(run + c, seq) });
			}
		}
		stream.subList(0, 500).forEach((record) -> publish(record[0], record[1]));
		awaitUntil("some applied", () -> recorded(run) >= 100);
		this.consumer.stop();
		stream.subList(500, 1000).forEach((record) -> publish(record[0], record[1]));
		rewindConsumerGroupToStart();
		this.consumer.start();

		awaitUntil("all applied", () -> recorded(run) == 1000);
		awaitUntil("redelivered all", () -> lag() == 0);
		assertThat(recorded(run)).isEqualTo(1000);
		for (int c = 0; c < 50; c++) {
			assertThat(appliedOrder(run + c)).as("order of customer " + c)
				.containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
		}
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.kafka.status").value("UP"));
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicWithReasonsAndTheConsumerKeepsGoing() throws Exception {
		String customer = run() + "poison";
		double deadLettered = this.meters.counter("encore.events.dlt").count();
		publish(customer, "{not json");
		publish(customer, TestEvents.track("Site Visited", customer).without("messageId").json());
		publish(customer, step(customer, 1));

		awaitUntil("valid event after poison applied", () -> appliedOrder(customer).equals(List.of(1)));
		Map<String, ConsumerRecord<String, byte[]>> byReason = new HashMap<>();
		try (Consumer<String, byte[]> dlt = deadLetterReader()) {
			for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(dlt, Duration.ofSeconds(30), 2)) {
				if (customer.equals(record.key())) {
					byReason.put(header(record, KafkaIntakeConfiguration.REASON_HEADER), record);
				}
			}
		}
		assertThat(byReason).hasSize(2);
		assertThat(byReason.keySet()).anySatisfy((reason) -> assertThat(reason).contains("Unexpected character"))
			.anySatisfy((reason) -> assertThat(reason).isEqualTo("messageId must not be blank"));
		for (ConsumerRecord<String, byte[]> record : byReason.values()) {
			assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
			assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
			assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
		}
		assertThat(byReason.values()).anySatisfy(
				(record) -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json"));
		assertThat(this.meters.counter("encore.events.dlt").count()).isEqualTo(deadLettered + 2);
		assertThat(this.meters.counter("encore.events.applied", "source", "kafka").count()).isPositive();
	}

	@Test
	void amountsEncoreCannotHoldGoToTheDeadLetterTopicNamingTheFieldAndTheNextRecordIsApplied() throws Exception {
		String customer = run() + "amounts";
		double deadLettered = this.meters.counter("encore.events.dlt").count();
		publish(customer, TestEvents.orderCompleted(customer).with("total", 1e16).json());
		publish(customer, TestEvents.orderCompleted(customer).with("total", "NaN").json());
		publish(customer, TestEvents.orderCompleted(customer).with("revenue", -5).json());
		publish(customer,
				TestEvents.checkoutStarted(customer)
					.withProduct("Linen shirt", 1, 49.0)
					.json()
					.replace("49.0", "\"Infinity\""));
		publish(customer, TestEvents.orderCompleted(customer).with("total", 20.0).json());
		publish(customer, step(customer, 1));

		awaitUntil("the record after them applied", () -> appliedOrder(customer).equals(List.of(1)));
		assertThat(deadLettered(customer, 4))
			.extracting((record) -> header(record, KafkaIntakeConfiguration.REASON_HEADER))
			.containsExactlyInAnyOrder("properties.total must be less than 1000000000000000 in magnitude",
					"properties.total must be a finite number", "properties.revenue must not be negative",
					"properties.products[0].price must be a finite number");
		assertThat(this.meters.counter("encore.events.dlt").count()).isEqualTo(deadLettered + 4);
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.orders.orderCount").value(1))
			.andExpect(jsonPath("$.orders.netRevenue").value(20));
	}

	@Test
	void deterministicFailureIsDeadLetteredAfterThreeAttemptsAndTheNextRecordOfThePartitionIsApplied()
			throws Exception {
		String customer = run() + "refused";
		TestEvents order = TestEvents.orderCompleted(customer).with("total", 49.0);
		// The database refuses the Lifecycle Stage Changed row this first order implies,
		// after its profile change: every attempt fails the same way.
		String constraint = "ck_refuse_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.jdbc
			.sql("ALTER TABLE encore_event ADD CONSTRAINT " + constraint + " CHECK (message_id <> 'lifecycle-"
					+ UUID.nameUUIDFromBytes(order.messageId().getBytes(StandardCharsets.UTF_8)) + "')")
			.update();
		try {
			// Records of earlier tests may still be on their way on other partitions.
			double received = receivedOnceQuiet();
			publish(customer, order.json());
			publish(customer, step(customer, 1));

			awaitUntil("the next record applied", () -> appliedOrder(customer).equals(List.of(1)));
			ConsumerRecord<String, byte[]> refused = deadLettered(customer, 1).get(0);
			assertThat(header(refused, KafkaIntakeConfiguration.REASON_HEADER))
				.startsWith("DataIntegrityViolationException: ")
				.containsIgnoringCase(constraint);
			assertThat(new String(refused.value(), StandardCharsets.UTF_8)).contains(order.messageId());
			// At least three attempts, then the next record. A retry of the poll brings
			// the records after the failing one again (counted, applied once: above), and
			// a rebalance (another test context's consumer joining the group) restarts
			// the
			// attempt count: a few more deliveries, never an unbounded loop.
			assertThat(this.meters.counter("encore.events.received", "source", "kafka").count())
				.as("three attempts, then the next record")
				.isBetween(received + 4, received + 8);
		}
		finally {
			this.jdbc.sql("ALTER TABLE encore_event DROP CONSTRAINT " + constraint).update();
		}
		assertThat(this.events.find(order.messageId())).isEmpty();
		assertThat(this.profiles.find(customer).map((profile) -> profile.orders().orders()).orElse(Map.of())).isEmpty();
	}

	@Test
	void unreadableProfileIsDeadLetteredWithItsReasonInsteadOfStallingThePartition() throws Exception {
		String customer = run() + "unreadable";
		String profileKey = REDIS_PREFIX + "profile:" + customer;
		double received = receivedOnceQuiet();
		try (var redis = dev.encore.engine.testsupport.TestRedis.client()) {
			redis.hset(profileKey, Map.of("customerId", customer, "traits", "{not json"));
			publish(customer, step(customer, 1));
			assertThat(header(deadLettered(customer, 1).get(0), KafkaIntakeConfiguration.REASON_HEADER))
				.startsWith("IllegalStateException: Unreadable profile JSON in Redis <- ");
			redis.del(profileKey);
		}
		publish(customer, step(customer, 2));
		awaitUntil("the next record applied", () -> appliedOrder(customer).equals(List.of(2)));
		assertThat(this.meters.counter("encore.events.received", "source", "kafka").count())
			.as("three attempts, then the next record once")
			.isEqualTo(received + 4);
	}

	@Test
	void replayingTheWholeStreamThreeTimesShuffledStartsAndSendsNothingMore() throws Exception {
		String run = run();
		Map<String, List<String>> byCustomer = new HashMap<>();
		for (int c = 0; c < 20; c++) {
			String customer = run + c;
			byCustomer.put(customer,
					List.of(TestEvents.identify(customer, customer + "@example.org", "Ada").json(),
							TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0).json(),
							TestEvents.track("Product Viewed", customer).json()));
		}
		byCustomer.forEach((customer, stream) -> stream.forEach((json) -> publish(customer, json)));
		awaitUntil("stream applied", () -> recorded(run) == 60);

		Random random = new Random(42);
		for (int replay = 1; replay <= 3; replay++) {
			for (Map.Entry<String, List<String>> customer : byCustomer.entrySet()) {
				List<String> shuffled = new ArrayList<>(customer.getValue());
				Collections.shuffle(shuffled, random);
				shuffled.forEach((json) -> publish(customer.getKey(), json));
				publish(customer.getKey(), step(customer.getKey(), 100 + replay));
			}
			int markers = replay;
			awaitUntil("replay " + replay + " consumed", () -> recorded(run) == 60 + 20L * markers);
		}

		for (String customer : byCustomer.keySet()) {
			assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
			assertThat(this.history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(customer)
				.processDefinitionKey("AbandonedCart")
				.count()).isEqualTo(1);
		}
		this.clock.advance(Duration.ofHours(1));
		// One reminder each, except for the cart journey's holdout.
		assertThat(this.smtp.getReceivedMessages()).filteredOn((message) -> {
			try {
				return message.getAllRecipients()[0].toString().startsWith(run);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).hasSize((int) byCustomer.keySet().stream().filter((c) -> !Holdouts.holdsOut("AbandonedCart", c)).count());
	}

	private Consumer<String, byte[]> deadLetterReader() {
		Map<String, Object> config = KafkaTestUtils.consumerProps("dlt-reader-" + UUID.randomUUID(), "false",
				this.broker);
		config.put("auto.offset.reset", "earliest");
		Consumer<String, byte[]> reader = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new org.apache.kafka.common.serialization.ByteArrayDeserializer())
			.createConsumer();
		reader.subscribe(List.of("encore.events.DLT"));
		return reader;
	}

	/** The first {@code count} dead-lettered records keyed by this customer. */
	private List<ConsumerRecord<String, byte[]>> deadLettered(String customer, int count) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (Consumer<String, byte[]> dlt = deadLetterReader()) {
			Awaitility.await(count + " dead-lettered")
				.atMost(Duration.ofSeconds(90))
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(50))
				.until(() -> {
					for (ConsumerRecord<String, byte[]> record : dlt.poll(Duration.ofMillis(200))) {
						if (customer.equals(record.key())) {
							found.add(record);
						}
					}
					return found.size() >= count;
				});
		}
		return found;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private void rewindConsumerGroupToStart() throws Exception {
		try (AdminClient admin = AdminClient.create(this.kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
			for (int partition = 0; partition < 4; partition++) {
				start.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
			}
			// A crash before commit: the group re-reads everything it already applied.
			awaitUntil("group inactive", () -> {
				try {
					admin.alterConsumerGroupOffsets("encore", start).all().get();
					return true;
				}
				catch (Exception ex) {
					return false;
				}
			});
		}
	}

	private long lag() {
		try (AdminClient admin = AdminClient.create(this.kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("encore")
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
			committed.keySet().forEach((tp) -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
			var ends = admin.listOffsets(latest).all().get();
			long lag = 0;
			for (TopicPartition tp : committed.keySet()) {
				lag += ends.get(tp).offset() - committed.get(tp).offset();
			}
			return committed.size() < 4 ? Long.MAX_VALUE : lag;
		}
		catch (Exception ex) {
			return Long.MAX_VALUE;
		}
	}

}
