package dev.encore.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.clients.jedis.JedisPooled;

import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestEvents;
import dev.encore.engine.testsupport.TestRedis;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine as a real process on PostgreSQL, Kafka, Redis and an SMTP server, killed
 * with SIGKILL three times while events stream in and reminder timers fall due, and
 * started again each time. At the end every journey has ended as it should, no event is
 * lost, no customer got an email twice, and a send a kill interrupted after the provider
 * call is reported {@code unknown} instead of repeated. Runs in the PostgreSQL pass, on
 * the packaged jar.
 */
@Tag("integration")
@EnabledIf("dev.encore.engine.CrashTest#runnable")
class CrashTest {

	private static final Path JAR = Path.of("target", "encore-engine-exec.jar");

	private static final int CUSTOMERS = 240;

	private static final int KILLS = 3;

	private final List<Process> processes = new ArrayList<>();

	private final String redisPrefix = "crash:" + UUID.randomUUID() + ":";

	private EmbeddedKafkaKraftBroker kafka;

	static boolean runnable() {
		return TestDatabase.postgres() && Files.exists(JAR);
	}

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		if (this.kafka != null) {
			this.kafka.destroy();
		}
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void killedThreeTimesMidStreamLosesNothingAndSendsNothingTwice() throws Exception {
		this.kafka = new EmbeddedKafkaKraftBroker(1, 4, "encore.events", "encore.events.DLT");
		this.kafka.afterPropertiesSet();
		TestSmtpServer.get().purgeEmailFromAllMailboxes();
		String database = TestDatabase.createPostgres();
		List<String> arguments = arguments(database);

		AtomicBoolean streaming = new AtomicBoolean(true);
		AtomicInteger published = new AtomicInteger();
		Thread producer = new Thread(() -> publish(streaming, published), "crash-test-storefront");
		Process engine = start(arguments, 0);
		producer.start();
		int kills = 0;
		for (; kills < KILLS; kills++) {
			long before = applied(database);
			// Let the new process work for a while: applying events, the first reminders
			// falling due. Generous: a JVM start on a loaded 2-core machine is slow.
			Awaitility.await()
				.atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptions()
				.until(() -> applied(database) >= before + 90);
			engine.destroyForcibly().waitFor();
			assertThat(engine.exitValue()).as("killed, not shut down").isEqualTo(137);
			engine = start(arguments, kills + 1);
		}
		producer.join();

		int events = published.get();
		Awaitility.await()
			.atMost(Duration.ofMinutes(6))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> count(database, "select count(*) from encore_event where source = 'kafka'") == events
					&& count(database,
							"select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
									+ " and end_time_ is null") == 0
					&& count(database,
							"select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'") == CUSTOMERS);

		Map<String, Integer> mail = mailPerCustomer();
		long sent = count(database, "select count(*) from encore_message_log where status = 'sent'");
		long unknown = count(database, "select count(*) from encore_message_log where status = 'unknown'");
		// Three reminders each, by email (no phone or LINE here); none for the holdout.
		long reminded = IntStream.range(0, CUSTOMERS)
			.filter((i) -> !Holdouts.holdsOut("AbandonedCart", "crash-" + i))
			.count();
		long duplicates = mail.values().stream().filter((n) -> n > 1).count();
		System.out.printf("CrashTest: events=%d kills=%d emails=%d sent=%d unknown=%d duplicates=%d%n", events, kills,
				mail.values().stream().mapToInt(Integer::intValue).sum(), sent, unknown, duplicates);

		assertThat(count(database, "select count(distinct message_id) from encore_event where source = 'kafka'"))
			.as("every event applied, once")
			.isEqualTo(events);
		assertThat(count(database,
				"select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
						+ " and end_act_id_ = 'EndEventRemindersSent'"))
			.as("every journey reached its end")
			.isEqualTo(reminded);
		assertThat(count(database,
				"select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
						+ " and end_act_id_ = 'EndEventHoldout'"))
			.as("the holdout waited as long, without a message")
			.isEqualTo(CUSTOMERS - reminded);
		assertThat(duplicates).as("customers with a reminder twice").isZero();
		assertThat(mail.keySet()
			.stream()
			.filter((message) -> Holdouts.holdsOut("AbandonedCart", message.substring(0, message.indexOf('@')))))
			.as("holdout customers mailed")
			.isEmpty();
		assertThat(count(database, "select count(*) from encore_message_log")).isEqualTo(3L * reminded);
		// An email is at the SMTP server exactly when the log says sent, or unknown (the
		// kill came after the server took it, before the log said so).
		long emails = mail.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(emails).isBetween(sent, sent + unknown);
		assertThat(count(database, "select count(*) from encore_message_log where status not in ('sent', 'unknown')"))
			.isZero();
	}

	private List<String> arguments(String database) {
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + database, "--spring.datasource.username=" + TestDatabase.postgresUser(),
				"--spring.datasource.password=", "--spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
				// A killed consumer's partitions move on after seconds, not the default
				// 45.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--encore.redis.url=" + TestRedis.url(), "--encore.redis.key-prefix=" + this.redisPrefix,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtpServer.port(), "--server.port=0",
				"--management.server.port=0", "--encore.access.try-out=true",
				// An hour in a second: the first reminders fall due while the test kills,
				// the last calls (three days) about a minute after each checkout.
				"--encore.journeys.time-scale=0.00025",
				// A killed node's job locks free up after seconds, not the default 5
				// minutes.
				"--camunda.bpm.job-execution.lock-time-in-millis=4000",
				"--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
				"--logging.level.org.apache.kafka=WARN"));
		return arguments;
	}

	private Process start(List<String> arguments, int run) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
						JAR.toString()));
		command.addAll(arguments);
		File log = Path.of("target", "crash-test-run-" + run + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start();
		this.processes.add(process);
		return process;
	}

	/**
	 * A storefront's stream: each customer identifies, browses and abandons a checkout.
	 */
	private void publish(AtomicBoolean streaming, AtomicInteger published) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBrokersAsString(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < CUSTOMERS && streaming.get(); i++) {
				String customer = "crash-" + i;
				List<TestEvents> events = List.of(TestEvents.identify(customer, customer + "@example.org", "Ada"),
						TestEvents.track("Product Viewed", customer).with("product_id", "p-" + i),
						TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));
				for (TestEvents event : events) {
					producer.send(new ProducerRecord<>("encore.events", customer, event.json())).get();
					published.incrementAndGet();
				}
				pause();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A storefront's pace, about 20 events a second, so the kills land mid-stream. */
	private static void pause() {
		LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
	}

	/**
	 * Events applied so far; none while the first process is still creating the tables.
	 */
	private static long applied(String database) {
		try {
			return count(database, "select count(*) from encore_event where source = 'kafka'");
		}
		catch (Exception ex) {
			return 0;
		}
	}

	private static long count(String database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database, TestDatabase.postgresUser(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Emails received per recipient and subject: each reminder once. */
	private static Map<String, Integer> mailPerCustomer() throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (MimeMessage message : TestSmtpServer.get().getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				if (to.toString().startsWith("crash-")) {
					counts.merge(to + " " + message.getSubject(), 1, Integer::sum);
				}
			}
		}
		return counts;
	}

}
