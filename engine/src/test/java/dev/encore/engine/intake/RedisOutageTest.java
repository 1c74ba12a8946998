package dev.encore.engine.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.IntakeCalls;
import dev.encore.engine.testsupport.TcpProxy;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestKafka;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away mid-run (a proxy in front of the real redis-server drops every
 * connection and refuses new ones): every HTTP intake endpoint answers 503 problem+json
 * with Retry-After and stores nothing, readiness goes down, the Kafka consumer keeps
 * retrying the record in hand without dead-lettering it, and the storefront's loyalty
 * read answers 503 too; when Redis is back everything is applied exactly once.
 */
@Tag("integration")
class RedisOutageTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String redisPrefix = "test:" + UUID.randomUUID() + ":";

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void intakeRefusesWhileRedisIsDownAndAppliesEverythingOnceWhenItIsBack() throws Exception {
		EmbeddedKafkaKraftBroker kafka = TestKafka.broker(1);
		kafka.afterPropertiesSet();
		this.resources.add(kafka::destroy);
		URI redis = URI.create(TestRedis.url());
		TcpProxy proxy = new TcpProxy(redis.getHost(), redis.getPort());
		this.resources.add(proxy);
		EncoreNode node = EncoreNode.startEmbedded("redisOutage",
				Map.of("encore.redis.url", "redis://127.0.0.1:" + proxy.port() + redis.getPath(),
						"encore.redis.key-prefix", this.redisPrefix, "spring.kafka.bootstrap-servers",
						kafka.getBrokersAsString()));
		this.resources.add(0, node);
		String customer = "outage-" + UUID.randomUUID();
		assertThat(post(node, TestEvents.identify(customer, customer + "@example.org", "Ada")).statusCode())
			.isEqualTo(202);
		IntakeCalls calls = IntakeCalls.forCustomer(customer);
		assertThat(calls.prepare(node.baseUrl()).statusCode()).isEqualTo(200);
		long before = storedEvents(node);

		proxy.cut();
		TestEvents order = TestEvents.orderCompleted(customer);
		HttpResponse<String> refused = post(node, order);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		calls.send(node.baseUrl()).forEach((path, response) -> {
			assertThat(response.statusCode()).as(path).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		});
		assertThat(storedEvents(node)).isEqualTo(before);
		assertThat(get(node, "/readyz").statusCode()).isEqualTo(503);
		assertThat(readiness(node)).as("encore_readiness, for Prometheus").isZero();
		// The storefront reading a customer's loyalty is told to come back too.
		HttpResponse<String> loyalty = storefrontGet(node, "/api/v1/customers/" + customer + "/loyalty");
		assertThat(loyalty.statusCode()).isEqualTo(503);
		assertThat(loyalty.headers().firstValue("Retry-After")).isPresent();
		assertThat(loyalty.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		List<TestEvents> streamed = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			streamed.add(TestEvents.track("Product Viewed", customer).with("product_id", "p-" + i));
		}
		publish(kafka, streamed);
		// The record in hand is tried again and again (each try counts as received)...
		await(() -> counter(node, "encore.events.received") >= 3);
		// ...and is neither applied nor dead-lettered; each retry is counted with its
		// reason.
		assertThat(storedEvents(node)).isEqualTo(before);
		assertThat(counter(node, "encore.events.dlt")).isZero();
		await(() -> node.bean(MeterRegistry.class)
			.counter("encore.intake.kafka.retries", "reason", "redis")
			.count() >= 2);

		proxy.restore();
		await(() -> storedEvents(node) == before + streamed.size());
		assertThat(post(node, order).statusCode()).isEqualTo(202);
		// The client sends every refused call again, then (not knowing) once more.
		for (int round = 0; round < 2; round++) {
			calls.send(node.baseUrl())
				.forEach((path, response) -> assertThat(response.statusCode()).as(path).isBetween(200, 202));
		}
		assertThat(calls.stored(node.bean(JdbcTemplate.class))).isEqualTo(calls.messageIds().size());
		List<String> others = new ArrayList<>(streamed.stream().map(TestEvents::messageId).toList());
		others.add(order.messageId());
		assertThat(stored(node, others)).isEqualTo(others.size());
		assertThat(counter(node, "encore.events.dlt")).isZero();
		await(() -> get(node, "/readyz").statusCode() == 200);
		assertThat(readiness(node)).isOne();
		assertThat(storefrontGet(node, "/api/v1/customers/" + customer + "/loyalty").body()).contains("\"tier\"");
		// Both orders (the single event and the one among the calls) counted.
		assertThat(node.bean(ProfileStore.class).find(customer).orElseThrow().orders().orders()).hasSize(2);
	}

	private static long storedEvents(EncoreNode node) {
		return node.bean(JdbcTemplate.class)
			.queryForObject("select count(*) from encore_event where source <> 'encore'", Long.class);
	}

	private static long stored(EncoreNode node, List<String> messageIds) {
		return messageIds.stream()
			.mapToLong((id) -> node.bean(JdbcTemplate.class)
				.queryForObject("select count(*) from encore_event where message_id = ?", Long.class, id))
			.sum();
	}

	private static double counter(EncoreNode node, String name) {
		return node.bean(MeterRegistry.class).find(name).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static double readiness(EncoreNode node) {
		return node.bean(MeterRegistry.class).get("encore.readiness").gauge().value();
	}

	private static HttpResponse<String> post(EncoreNode node, TestEvents event) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(event.json()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(EncoreNode node, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> storefrontGet(EncoreNode node, String path) throws Exception {
		String writeKey = java.util.Base64.getEncoder().encodeToString("test-write-key:".getBytes());
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", "Basic " + writeKey)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void publish(EmbeddedKafkaKraftBroker kafka, List<TestEvents> events) {
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
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(condition);
	}

}
