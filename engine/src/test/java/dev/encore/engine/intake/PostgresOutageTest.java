package dev.encore.engine.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import redis.clients.jedis.JedisPooled;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.IntakeCalls;
import dev.encore.engine.testsupport.TcpProxy;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away mid-run (a proxy in front of the real server drops every
 * connection and refuses new ones): every HTTP intake endpoint answers 503 problem+json
 * with Retry-After within about the pool's connection timeout, never 500, and readiness
 * goes down. When the database is back, readiness comes up, what was accepted before is
 * still there, and the calls the clients send again are applied exactly once.
 */
@Tag("integration")
@EnabledIf("dev.encore.engine.testsupport.TestDatabase#postgres")
class PostgresOutageTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String redisPrefix = "test:" + UUID.randomUUID() + ":";

	private TcpProxy proxy;

	private EncoreNode node;

	@AfterEach
	void close() {
		if (this.node != null) {
			this.node.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void everyIntakeEndpointAnswers503WhileTheDatabaseIsDownAndAppliesResentCallsOnce() throws Exception {
		URI database = URI.create(TestDatabase.createPostgres().substring("jdbc:".length()));
		this.proxy = new TcpProxy(database.getHost(), database.getPort());
		// A short pool timeout so the test does not wait; production's is a few seconds
		// too.
		this.node = EncoreNode.start("postgresOutage",
				"jdbc:postgresql://127.0.0.1:" + this.proxy.port() + database.getPath(),
				Map.of("spring.datasource.hikari.connection-timeout", 1000,
						"spring.datasource.hikari.validation-timeout", 500, "encore.redis.url", TestRedis.url(),
						"encore.redis.key-prefix", this.redisPrefix));
		String customer = "db-outage-" + UUID.randomUUID();
		TestEvents before = TestEvents.identify(customer, customer + "@example.org", "Ada");
		assertThat(this.node.post(before)).isEqualTo(202);
		IntakeCalls calls = IntakeCalls.forCustomer(customer);
		assertThat(calls.prepare(this.node.baseUrl()).statusCode()).isEqualTo(200);

		this.proxy.cut();
		calls.send(this.node.baseUrl()).forEach((path, response) -> {
			assertThat(response.statusCode()).as(path).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		});
		assertThat(get("/readyz").statusCode()).isEqualTo(503);
		assertThat(get("/livez").statusCode()).isEqualTo(200);

		this.proxy.restore();
		await(() -> get("/readyz").statusCode() == 200);
		for (int round = 0; round < 2; round++) {
			calls.send(this.node.baseUrl())
				.forEach((path, response) -> assertThat(response.statusCode()).as(path).isBetween(200, 202));
		}
		JdbcTemplate jdbc = this.node.bean(JdbcTemplate.class);
		assertThat(calls.stored(jdbc)).isEqualTo(calls.messageIds().size());
		assertThat(jdbc.queryForObject("select count(*) from encore_event where message_id = ?", Long.class,
				before.messageId()))
			.isOne();
		// The alias moved the visitor's cart once: one merged Checkout Started.
		assertThat(jdbc.queryForObject("select count(*) from encore_event where customer_id = ? and source = 'merge'",
				Long.class, customer))
			.isOne();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(this.node.baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void await(java.util.concurrent.Callable<Boolean> condition) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(condition);
	}

}
