package dev.encore.engine;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
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
import dev.encore.engine.testsupport.TcpProxy;
import dev.encore.engine.testsupport.TestDatabase;
import dev.encore.engine.testsupport.TestKafka;
import dev.encore.engine.testsupport.TestRedis;
import dev.encore.engine.testsupport.TestSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine processes on one PostgreSQL database, one Redis and one Kafka consumer group
 * (four partitions) while a shop's events stream in and reminder timers fall due. Node
 * A's SMTP connection hangs mid-run (a provider that stopped answering), and while it
 * holds those send jobs and its partitions it is killed with SIGKILL. Node B takes over
 * the partitions when A's session times out and the jobs when A's locks expire: every
 * event is applied once, every reminder reaches the SMTP server once, every journey ends
 * as it should. Runs in the PostgreSQL pass, on the packaged jar.
 */
@Tag("integration")
@EnabledIf("dev.encore.engine.testsupport.EngineProcess#runnable")
class TwoNodeCrashTest {

	private static final int CUSTOMERS = 100;

	private static final String PREFIX = "two-crash-";

	/**
	 * Node A's job locks expire this long after it took them, node B's after a minute: a
	 * lock ending sooner than {@link #A_LOCK_HORIZON} from now is A's.
	 */
	private static final Duration A_LOCK = Duration.ofSeconds(15);

	private static final Duration A_LOCK_HORIZON = Duration.ofSeconds(30);

	private final List<EngineProcess> processes = new ArrayList<>();

	private final String redisPrefix = "two-crash:" + UUID.randomUUID() + ":";

	private EmbeddedKafkaKraftBroker kafka;

	private TcpProxy smtpOfA;

	@AfterEach
	void stop() {
		this.processes.forEach(EngineProcess::close);
		if (this.smtpOfA != null) {
			this.smtpOfA.close();
		}
		if (this.kafka != null) {
			this.kafka.destroy();
		}
		try (JedisPooled redis = TestRedis.client()) {
			redis.keys(this.redisPrefix + "*").forEach(redis::del);
		}
	}

	@Test
	void aNodeKilledWhileHoldingJobsAndPartitionsLeavesItsWorkToTheOtherDoneOnce() throws Exception {
		this.kafka = TestKafka.broker(4);
		this.kafka.afterPropertiesSet();
		TestSmtpServer.get().purgeEmailFromAllMailboxes();
		this.smtpOfA = new TcpProxy("127.0.0.1", TestSmtpServer.port());
		String database = TestDatabase.createPostgres();
		// An hour in 0.36 s: each cart's three reminders within half a minute. Resend a
		// send a crash interrupted: A's hung sends never reached the SMTP server.
		List<String> cluster = EngineProcess.with(
				EngineProcess.clusterArguments(database, this.kafka.getBrokersAsString(), this.redisPrefix, 0.0001),
				"encore.delivery.unknown-policy", "resend");
		EngineProcess a = start("two-node-crash-a", node(cluster, "nodeA", A_LOCK, this.smtpOfA.port()));
		// One node makes Camunda's tables; two at once would collide.
		await(Duration.ofMinutes(2),
				() -> count(database, "select count(*) from act_ge_property where name_ = 'schema.version'") == 1);
		start("two-node-crash-b", node(cluster, "nodeB", Duration.ofMinutes(1), TestSmtpServer.port()));
		await(Duration.ofMinutes(3), () -> partitions("nodeA") > 0 && partitions("nodeB") > 0);
		AtomicInteger published = new AtomicInteger();
		Thread storefront = KafkaStorefront.abandonCarts(this.kafka.getBrokersAsString(), PREFIX, CUSTOMERS,
				Duration.ofMillis(100), published);

		// Both nodes consume and send; then A's provider stops answering.
		await(Duration.ofMinutes(1), () -> mail().size() >= 15);
		this.smtpOfA.hang();
		// A holds jobs whose sends hang; the sessions it opened before are over and their
		// rows say sent, so every send still 'sending' never reached the SMTP server.
		await(Duration.ofSeconds(30), () -> jobsLockedByA(database).size() >= 1 && this.smtpOfA.forwarding() == 0
				&& !sending(database).isEmpty() && sending(database).stream().noneMatch(mail()::containsKey));
		int partitionsOfA = partitions("nodeA");
		assertThat(a.kill()).as("killed, not shut down").isEqualTo(137);
		List<String> heldByA = jobsLockedByA(database);
		System.out.printf("TwoNodeCrashTest: killed node A holding %d jobs and %d partitions at %d events%n",
				heldByA.size(), partitionsOfA, published.get());
		assertThat(heldByA).as("jobs the dead node held").isNotEmpty();
		assertThat(partitionsOfA).as("partitions the dead node held").isPositive();

		storefront.join();
		long reminded = IntStream.range(0, CUSTOMERS)
			.filter((i) -> !Holdouts.holdsOut("AbandonedCart", PREFIX + i))
			.count();
		await(Duration.ofMinutes(2),
				() -> count(database, "select count(*) from encore_event where source = 'kafka'") == published.get()
						&& count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
								+ " and end_time_ is not null") == CUSTOMERS
						&& mail().size() == 3 * reminded);

		assertThat(partitions("nodeB")).as("node B took over every partition").isEqualTo(4);
		assertThat(count(database, "select count(distinct message_id) from encore_event where source = 'kafka'"))
			.as("every event applied, once")
			.isEqualTo(published.get())
			.isEqualTo(count(database, "select count(*) from encore_event"));
		assertThat(
				count(database, "select count(*) from act_ru_job where id_ in ('" + String.join("','", heldByA) + "')"))
			.as("the dead node's jobs were done by the other")
			.isZero();
		assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
				+ " and end_act_id_ = 'EndEventRemindersSent'"))
			.isEqualTo(reminded);
		assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'AbandonedCart'"
				+ " and end_act_id_ = 'EndEventHoldout'"))
			.isEqualTo(CUSTOMERS - reminded);
		Map<String, Integer> mail = mail();
		assertThat(mail).as("each reminder at the SMTP server once")
			.hasSize((int) (3 * reminded))
			.allSatisfy((reminder, received) -> assertThat(received).as(reminder).isOne());
		assertThat(count(database, "select count(*) from encore_message_log where status = 'sent'"))
			.as("every send logged sent, none capped or unknown")
			.isEqualTo(3 * reminded)
			.isEqualTo(count(database, "select count(*) from encore_message_log"));
	}

	/**
	 * One node of the cluster: its Kafka client id, how long its job locks last, which
	 * SMTP port it sends to.
	 */
	private static List<String> node(List<String> cluster, String name, Duration lock, int smtpPort) {
		List<String> arguments = EngineProcess.with(cluster, "spring.kafka.consumer.client-id", name);
		arguments = EngineProcess.with(arguments, "camunda.bpm.job-execution.lock-time-in-millis", lock.toMillis());
		return EngineProcess.with(arguments, "spring.mail.port", smtpPort);
	}

	private EngineProcess start(String name, List<String> arguments) throws Exception {
		EngineProcess process = EngineProcess.start(name, arguments);
		this.processes.add(process);
		return process;
	}

	/** Partitions of {@code encore.events} the node's consumers hold in group encore. */
	private int partitions(String node) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBrokersAsString()))) {
			int held = 0;
			for (MemberDescription member : admin.describeConsumerGroups(List.of("encore"))
				.all()
				.get()
				.get("encore")
				.members()) {
				if (member.clientId().startsWith(node)) {
					held += (int) member.assignment()
						.topicPartitions()
						.stream()
						.filter((partition) -> partition.topic().equals("encore.events"))
						.count();
				}
			}
			return held;
		}
	}

	/** Jobs locked by node A: their lock ends sooner than any of node B's. */
	private static List<String> jobsLockedByA(String database) throws Exception {
		long horizon = System.currentTimeMillis() + A_LOCK_HORIZON.toMillis();
		List<String> jobs = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(database, TestDatabase.postgresUser(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")) {
			while (rows.next()) {
				if (rows.getTimestamp(2).getTime() < horizon) {
					jobs.add(rows.getString(1));
				}
			}
		}
		return jobs;
	}

	/** Sends logged 'sending', as recipient and subject. */
	private static List<String> sending(String database) throws Exception {
		List<String> sends = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(database, TestDatabase.postgresUser(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select customer_id, subject from encore_message_log where status = 'sending'")) {
			while (rows.next()) {
				sends.add(rows.getString(1) + "@example.org " + rows.getString(2));
			}
		}
		return sends;
	}

	private static long count(String database, String sql) {
		return TestDatabase.count(database, sql);
	}

	/** Emails received per recipient and subject: each reminder once. */
	private static Map<String, Integer> mail() throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (MimeMessage message : TestSmtpServer.get().getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				if (to.toString().startsWith(PREFIX)) {
					counts.merge(to + " " + message.getSubject(), 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	private static void await(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
		Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
	}

}
