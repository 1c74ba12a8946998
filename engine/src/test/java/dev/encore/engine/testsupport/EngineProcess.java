package dev.encore.engine.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged engine ({@code target/encore-engine-exec.jar}, built before the PostgreSQL
 * pass) as a process of its own, so a test can kill it for real: SIGKILL, no shutdown
 * hook, no graceful stop. Its output goes to {@code target/<name>.log}.
 */
public final class EngineProcess implements AutoCloseable {

	private static final Path JAR = Path.of("target", "encore-engine-exec.jar");

	private final Process process;

	private EngineProcess(Process process) {
		this.process = process;
	}

	/** Whether a test can run: PostgreSQL and the packaged jar. */
	public static boolean runnable() {
		return TestDatabase.postgres() && Files.exists(JAR);
	}

	/**
	 * What every process of a test's cluster shares: the database, Kafka, Redis under the
	 * prefix, the test SMTP server. {@code timeScale} shortens every journey wait
	 * (0.0001: an hour in 0.36 s).
	 */
	public static List<String> clusterArguments(String database, String kafkaBrokers, String redisPrefix,
			double timeScale) {
		return new ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
				"--spring.datasource.username=" + TestDatabase.postgresUser(), "--spring.datasource.password=",
				"--spring.kafka.bootstrap-servers=" + kafkaBrokers,
				// A killed consumer's partitions move on after seconds, not the default
				// 45.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--encore.redis.url=" + TestRedis.url(), "--encore.redis.key-prefix=" + redisPrefix,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtpServer.port(), "--server.port=0",
				"--management.server.port=0", "--encore.access.try-out=true",
				"--encore.journeys.time-scale=" + timeScale,
				// A killed node's job locks free up after seconds, not the default 5
				// minutes.
				"--camunda.bpm.job-execution.lock-time-in-millis=4000",
				"--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
				"--logging.level.org.apache.kafka=WARN"));
	}

	/** The arguments with {@code key} set to {@code value} (replaced, never repeated). */
	public static List<String> with(List<String> arguments, String key, Object value) {
		List<String> changed = new ArrayList<>(arguments);
		changed.removeIf((argument) -> argument.startsWith("--" + key + "="));
		changed.add("--" + key + "=" + value);
		return changed;
	}

	public static EngineProcess start(String name, List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
						JAR.toString()));
		command.addAll(arguments);
		File log = Path.of("target", name + ".log").toFile();
		return new EngineProcess(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start());
	}

	/** SIGKILL, as the OOM killer or a power cut would; the exit code (137). */
	public int kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
