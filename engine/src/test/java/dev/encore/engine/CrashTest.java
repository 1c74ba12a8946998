package dev.encore.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import redis.clients.jedis.JedisPooled;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.testsupport.EngineProcess;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.KafkaStorefront;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestKafka;
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
@EnabledIf("dev.encore.engine.testsupport.EngineProcess#runnable")
class CrashTest {

	private static final int CUSTOMERS = 240;

	private static final int KILLS = 3;

	private final List<EngineProcess> processes = new ArrayList<>();

	private final String redisPrefix = "crash:" + UUID.randomUUID() + ":";

	private EmbeddedKafkaKraftBroker kafka;

	@AfterEach
	void stop() {
		this.processes.forEach(EngineProcess::close);
		if (this.kafka != null) {
			this.kafka.destroy();
		}
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void killedThreeTimesMidStreamLosesNothingAndSendsNothingTwice() throws Exception {
		this.kafka = TestKafka.broker(4);
		this.kafka.afterPropertiesSet();
		TestSmtpServer.get().purgeEmailFromAllMailboxes();
		String database = TestDatabase.createPostgres();
		List<String> arguments = arguments(database);

		AtomicInteger published = new AtomicInteger();
		EngineProcess engine = start(arguments, 0);
		// A storefront's pace, about 20 events a second, so the kills land mid-stream.
		Thread producer = KafkaStorefront.abandonCarts(this.kafka.getBrokersAsString(), "crash-", CUSTOMERS,
				Duration.ofMillis(150), published);
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
			assertThat(engine.kill()).as("killed, not shut down").isEqualTo(137);
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
		// An hour in a second: the first reminders fall due while the test kills, the
		// last calls (three days) about a minute after each checkout.
		return EngineProcess.clusterArguments(database, this.kafka.getBrokersAsString(), this.redisPrefix, 0.00025);
	}

	private EngineProcess start(List<String> arguments, int run) throws Exception {
		EngineProcess process = EngineProcess.start("crash-test-run-" + run, arguments);
		this.processes.add(process);
		return process;
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

	private static long count(String database, String sql) {
		return TestDatabase.count(database, sql);
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
