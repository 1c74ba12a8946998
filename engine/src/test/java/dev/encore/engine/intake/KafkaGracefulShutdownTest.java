package dev.encore.engine.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestKafka;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node shut down while it consumes the events topic: it finishes the event in hand,
 * commits its offset and stops. Nothing is half-applied (an event in the history has its
 * profile change, and the other way round), every applied event's offset is committed,
 * and the node that takes over the consumer group applies exactly the rest.
 */
@Tag("integration")
class KafkaGracefulShutdownTest {

	private static final int CUSTOMERS = 1000;

	private static final String GROUP = "encore-shutdown-test";

	private static EmbeddedKafkaKraftBroker kafka;

	private final String redisPrefix = "test:" + UUID.randomUUID() + ":";

	// Both nodes use one in-memory database, kept while the JVM runs.
	private final String jdbcUrl = "jdbc:h2:mem:shutdown-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final List<EncoreNode> nodes = new ArrayList<>();

	@BeforeAll
	static void startKafka() {
		kafka = TestKafka.broker(2);
		kafka.afterPropertiesSet();
	}

	@AfterAll
	static void stopKafka() {
		kafka.destroy();
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(EncoreNode::close);
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void nodeStoppedMidStreamCommitsWhatItAppliedAndTheNextNodeAppliesExactlyTheRest() throws Exception {
		List<String> customers = new ArrayList<>();
		List<TestEvents> events = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			String customer = "shutdown-" + i;
			customers.add(customer);
			events.add(TestEvents.track("Product Viewed", customer).with("product_id", "p-" + i));
			events.add(TestEvents.identify(customer, customer + "@example.org", "Ada"));
		}
		publish(events);

		EncoreNode first = start("shutdownA");
		await(() -> storefrontEvents() >= 100);
		first.close();

		long appliedByFirst = storefrontEvents();
		assertThat(appliedByFirst).as("the node stopped mid-stream").isLessThan(events.size());
		assertThat(committedOffsets()).as("every applied event's offset is committed, and no other")
			.isEqualTo(appliedByFirst);
		assertNothingHalfApplied(customers);

		EncoreNode second = start("shutdownB");
		await(() -> committedOffsets() == events.size());
		assertThat(storefrontEvents()).isEqualTo(events.size());
		assertThat(received(second)).as("the second node re-read nothing the first had applied")
			.isEqualTo(events.size() - appliedByFirst);
		assertNothingHalfApplied(customers);
	}

	/**
	 * An identify in the event history if and only if the profile in Redis has its email.
	 */
	private void assertNothingHalfApplied(List<String> customers) throws SQLException {
		Set<String> identifiedInHistory = new HashSet<>(
				strings("select customer_id from encore_event where event_type = 'identify'"));
		Set<String> identifiedInRedis = new HashSet<>();
		try (JedisPooled redis = TestRedis.client()) {
			for (String customer : customers) {
				if (redis.hget(this.redisPrefix + "profile:" + customer, "email") != null) {
					identifiedInRedis.add(customer);
				}
			}
		}
		assertThat(identifiedInRedis).isEqualTo(identifiedInHistory);
	}

	private EncoreNode start(String name) {
		EncoreNode node = EncoreNode.startEmbedded(name,
				Map.of("spring.datasource.url", this.jdbcUrl, "encore.redis.url", TestRedis.url(),
						"encore.redis.key-prefix", this.redisPrefix, "spring.kafka.bootstrap-servers",
						kafka.getBrokersAsString(), "spring.kafka.consumer.group-id", GROUP,
						"encore.intake.kafka.concurrency", 2));
		this.nodes.add(node);
		return node;
	}

	private long storefrontEvents() throws SQLException {
		return strings("select customer_id from encore_event where source = 'kafka'").size();
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			if (ex.getMessage().contains("not found")) {
				// The first node has not created its tables yet.
				return values;
			}
			throw ex;
		}
		return values;
	}

	private static long committedOffsets() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
			Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get();
			return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
		}
	}

	private static long received(EncoreNode node) {
		return (long) node.bean(MeterRegistry.class).counter("encore.events.received", "source", "kafka").count();
	}

	private static void publish(List<TestEvents> events) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			for (TestEvents event : events) {
				producer.send(new ProducerRecord<>("encore.events", event.customerId(), event.json()));
			}
			producer.flush();
		}
	}

	private static void await(Callable<Boolean> condition) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(20))
			.ignoreExceptions()
			.until(condition);
	}

}
