package dev.encore.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.EncoreApplication;

/**
 * The whole picture in one run, against Camunda's own ceiling measured first on the same
 * database and machine: intake over HTTP and Kafka into journeys (shop-shaped load from a
 * seed, see {@link ShopLoad}) and its ratio to the ceiling; {@code Order Completed} to
 * abandoned-cart instance ended under steady load; customers waiting on a timer, then the
 * clock moved so every timer (or the earliest {@code due} of them) falls due at once:
 * firing and send rates through the guardrails to the sandbox connector; heap per waiting
 * instance and start-up time.
 * <p>
 * Arguments: {@code size=smoke|quick|full} (default quick; see bench/README.md for what
 * each sets), any single figure overridden ({@code waiting=}, {@code httpCustomers=},
 * {@code kafkaCustomers=}, {@code ceiling=}, {@code orders=}, {@code due=}),
 * {@code threads=4}, {@code seed=42}, {@code engine.<property>=<value>} (an Encore
 * setting, for tuning runs), {@code db=h2|postgres} (H2 files by default;
 * {@code postgres} creates two databases on the server behind
 * {@code pg=jdbc:postgresql://127.0.0.1:5432/postgres} as {@code user=postgres password=}
 * and runs Encore on its {@code postgres} profile; {@code keep=true} leaves Encore's
 * database behind).
 */
public final class JourneyBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final Map<String, Map<String, Integer>> SIZES = Map.of("smoke",
			Map.of("ceiling", 2000, "httpCustomers", 60, "kafkaCustomers", 150, "streamCustomers", 200, "orders", 100,
					"waiting", 1000),
			"quick",
			Map.of("ceiling", 20000, "httpCustomers", 300, "kafkaCustomers", 1500, "streamCustomers", 5000, "orders",
					500, "waiting", 100_000),
			"full", Map.of("ceiling", 20000, "httpCustomers", 500, "kafkaCustomers", 3000, "streamCustomers", 10_000,
					"orders", 1000, "waiting", 1_000_000, "due", 100_000));

	/** The phases a run measures after the ceiling, in this order. */
	static final List<String> PHASES = List.of("intake", "stream", "latency", "waiting");

	private JourneyBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		String size = options.getOrDefault("size", "quick");
		Map<String, Integer> sized = SIZES.get(size);
		if (sized == null) {
			throw new IllegalArgumentException("size must be one of " + SIZES.keySet());
		}
		Settings settings = new Settings(size, options, sized);
		Map<String, Object> figures = run(settings);
		String database = (String) figures.get("database");
		BenchReport.print("Encore journeys vs the Camunda ceiling (" + database + ", " + size + ")", figures);
		BenchReport.write("journeys-" + database + "-" + size, figures);
	}

	static Map<String, Object> run(Settings settings) throws Exception {
		try (BenchDatabases databases = settings.databases()) {
			return run(settings, databases);
		}
	}

	private static Map<String, Object> run(Settings settings, BenchDatabases databases) throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("database", databases.postgres() ? "postgresql" : "h2");
		figures.put("seed", settings.seed());
		Map<String, Object> ceiling = CeilingBenchmark.measure(databases.ceiling(), databases.user(),
				databases.password(), settings.number("ceiling"), settings.threads());
		long ceilingRate = (Long) ceiling.get("messagesPerSecond");
		figures.put("ceiling msg/s (raw Camunda)", ceilingRate);

		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4, "encore.events", "encore.events.DLT");
		broker.afterPropertiesSet();
		long startNanos = System.nanoTime();
		try (LiveHeap liveHeap = new LiveHeap();
				ConfigurableApplicationContext encore = start(settings, databases, broker);
				AutoCloseable analyzing = databases.analyzeWhileRunning(Duration.ofSeconds(15))) {
			figures.put("start-up s", seconds(System.nanoTime() - startNanos));
			Harness harness = new Harness(encore);
			List<String> phases = settings.phases();
			if (phases.contains("intake")) {
				intake(settings, harness, figures, ceilingRate);
			}
			if (phases.contains("stream")) {
				stream(settings, harness, figures, ceilingRate, databases::analyzeIfNoAutovacuum);
			}
			boolean analyzed = databases.analyzeIfNoAutovacuum();
			if (phases.contains("latency")) {
				latency(settings, harness, figures);
			}
			if (phases.contains("waiting")) {
				waiting(settings, harness, figures, databases::analyzeIfNoAutovacuum);
			}
			figures.put("planner statistics", analyzed
					? "ANALYZE after each load and every 15 s (server autovacuum off)" : "as the database keeps them");
			figures.put("live heap peak MB / max MB",
					liveHeap.peak() / (1024 * 1024) + " / " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		finally {
			ClockUtil.reset();
			broker.destroy();
		}
		return figures;
	}

	private static ConfigurableApplicationContext start(Settings settings, BenchDatabases databases,
			EmbeddedKafkaKraftBroker broker) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=" + databases.encore(), "--spring.datasource.username=" + databases.user(),
				"--spring.datasource.password=" + databases.password(),
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--encore.intake.kafka.concurrency=4", "--encore.profile.churn.scheduled=false",
				"--encore.access.try-out=true", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
				// The load is the same for the same seed: with profiles in Redis, a run's
				// keys (dedupe marks included) must not meet an earlier run's.
				"--encore.redis.key-prefix=bench-" + settings.run() + ":"));
		// engine.<property>=<value> tries a setting without a rebuild (tuning runs).
		settings.options().forEach((name, value) -> {
			if (name.startsWith("engine.")) {
				arguments.add("--" + name.substring("engine.".length()) + "=" + value);
			}
		});
		SpringApplicationBuilder builder = new SpringApplicationBuilder(EncoreApplication.class).logStartupInfo(false);
		if (databases.postgres()) {
			builder.profiles("postgres");
		}
		return builder.run(arguments.toArray(String[]::new));
	}

	private static void intake(Settings settings, Harness harness, Map<String, Object> figures, long ceilingRate)
			throws Exception {
		ShopLoad http = new ShopLoad(settings.seed(), "h-" + settings.run() + "-");
		List<List<Map<String, Object>>> sessions = new ArrayList<>();
		for (int i = 0; i < settings.number("httpCustomers"); i++) {
			sessions.add(http.session(i, Instant.now()));
		}
		long events = sessions.stream().mapToLong(List::size).sum();
		Histogram latency = new ConcurrentHistogram(3);
		long t0 = System.nanoTime();
		parallel(settings.threads(), (thread) -> {
			for (int i = thread; i < sessions.size(); i += settings.threads()) {
				for (Map<String, Object> event : sessions.get(i)) {
					harness.post(event, latency);
				}
			}
		});
		double httpRate = events / seconds(System.nanoTime() - t0);
		figures.put("HTTP events", events);
		figures.put("HTTP events/s", Math.round(httpRate));
		figures.put("HTTP p50 / p99 ms", ms(latency, 50) + " / " + ms(latency, 99));
		figures.put("HTTP ratio to ceiling", ratio(httpRate, ceilingRate));

		String kafkaPrefix = "k-" + settings.run() + "-";
		ShopLoad kafka = new ShopLoad(settings.seed() + 1, kafkaPrefix);
		List<Map<String, Object>> stream = new ArrayList<>();
		for (int i = 0; i < settings.number("kafkaCustomers"); i++) {
			stream.addAll(kafka.session(i, Instant.now()));
		}
		long t1 = System.nanoTime();
		for (Map<String, Object> event : stream) {
			harness.kafka.send("encore.events", (String) event.get("userId"), JSON.writeValueAsString(event));
		}
		harness.kafka.flush();
		waitFor(() -> harness.events(kafkaPrefix) >= stream.size(), Duration.ofMinutes(30), 200);
		double kafkaRate = stream.size() / seconds(System.nanoTime() - t1);
		figures.put("Kafka events", stream.size());
		figures.put("Kafka events/s (burst, 4 partitions)", Math.round(kafkaRate));
		figures.put("Kafka ratio to ceiling", ratio(kafkaRate, ceilingRate));
	}

	/**
	 * A shop's whole stream ({@link ShopStream}): returning customers' history applied in
	 * process first, untimed; then their sessions posted as batches of at most 100 events
	 * (each session whole in one batch) by {@code threads} clients, then another shop's
	 * sessions published to Kafka at once and timed until the last is applied.
	 */
	private static void stream(Settings settings, Harness harness, Map<String, Object> figures, long ceilingRate,
			Runnable loaded) throws Exception {
		int customers = settings.number("streamCustomers");
		ShopStream http = new ShopStream(settings.seed() + 20, "s-" + settings.run() + "-");
		ShopStream kafka = new ShopStream(settings.seed() + 21, "ks-" + settings.run() + "-");
		Instant now = Instant.now();
		parallel(settings.threads(), (thread) -> {
			for (int i = thread; i < customers; i += settings.threads()) {
				http.history(i, now).forEach(harness::apply);
				kafka.history(i, now).forEach(harness::apply);
			}
		});
		loaded.run();

		List<List<Map<String, Object>>> sessions = new ArrayList<>();
		for (int i = 0; i < customers; i++) {
			sessions.add(http.session(i, Instant.now()));
		}
		List<List<Map<String, Object>>> batches = ShopStream.batches(sessions, 100);
		long events = sessions.stream().mapToLong(List::size).sum();
		Histogram latency = new ConcurrentHistogram(3);
		Map<String, Long> countersBefore = settled(harness);
		boolean statements = harness.statementsReset();
		long t0 = System.nanoTime();
		parallel(settings.threads(), (thread) -> {
			for (int i = thread; i < batches.size(); i += settings.threads()) {
				harness.postBatch(batches.get(i), latency);
			}
		});
		double batchRate = events / seconds(System.nanoTime() - t0);
		Map<String, Long> countersAfter = settled(harness);
		figures.put("shop stream events (batch API)", events);
		figures.put("shop stream events/s (batches of <= 100, " + settings.threads() + " clients)",
				Math.round(batchRate));
		figures.put("shop stream batch p50 / p99 ms", ms(latency, 50) + " / " + ms(latency, 99));
		figures.put("shop stream batch ratio to ceiling", ratio(batchRate, ceilingRate));
		countersAfter.forEach((name, value) -> figures.put("shop stream database " + name + " per event",
				String.format("%.2f", (value - countersBefore.get(name)) / (double) events)));
		if (statements) {
			figures.put("shop stream statements per event (pg_stat_statements, most buffers first)",
					harness.statementsPer(events, 25));
		}

		String kafkaPrefix = "ks-" + settings.run() + "-";
		long before = harness.events(kafkaPrefix);
		List<Map<String, Object>> stream = new ArrayList<>();
		long t1 = System.nanoTime();
		for (int i = 0; i < customers; i++) {
			// Stamped as sent: event-to-applied is then the time spent in the topic and
			// applying.
			for (Map<String, Object> event : kafka.session(i, Instant.now())) {
				stream.add(event);
				harness.kafka.send("encore.events", (String) event.get("userId"), JSON.writeValueAsString(event));
			}
		}
		harness.kafka.flush();
		waitFor(() -> harness.events(kafkaPrefix) >= before + stream.size(), Duration.ofMinutes(30), 100);
		double kafkaRate = stream.size() / seconds(System.nanoTime() - t1);
		Histogram applied = harness.eventToApplied(kafkaPrefix, now);
		figures.put("shop stream events (Kafka)", stream.size());
		figures.put("shop stream events/s (Kafka burst, 4 partitions)", Math.round(kafkaRate));
		figures.put("shop stream Kafka event-to-applied p50 / p99 ms", ms(applied, 50) + " / " + ms(applied, 99));
		figures.put("shop stream Kafka ratio to ceiling", ratio(kafkaRate, ceilingRate));
	}

	/**
	 * Carts abandoned during intake are converted one by one at a steady pace while other
	 * traffic goes on; the answer comes after the commit that ended the journey.
	 */
	private static void latency(Settings settings, Harness harness, Map<String, Object> figures) throws Exception {
		List<String> carts = harness.waitingCarts(settings.number("orders"));
		ShopLoad orders = new ShopLoad(settings.seed() + 2, "unused-");
		ShopLoad background = new ShopLoad(settings.seed() + 3, "bg-" + settings.run() + "-");
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService noise = Executors.newSingleThreadExecutor();
		Future<?> traffic = noise.submit(() -> {
			for (int i = 0; running.get(); i++) {
				for (Map<String, Object> event : background.session(i, Instant.now())) {
					harness.post(event, new Histogram(3));
				}
			}
			return null;
		});
		Histogram latency = new Histogram(3);
		long pace = TimeUnit.SECONDS.toNanos(1) / 20;
		long next = System.nanoTime();
		for (String customer : carts) {
			// Parked, not spinning: a busy wait would take a core from the engine
			// measured.
			LockSupport.parkNanos(next - System.nanoTime());
			next += pace;
			harness.post(orders.order(customer, Instant.now()), latency);
		}
		running.set(false);
		traffic.get();
		noise.shutdown();
		long stillWaiting = carts.stream().filter(harness::hasActiveCart).count();
		figures.put("exit latency orders (20/s + background traffic)", carts.size());
		figures.put("exit latency p50 / p95 / p99 ms",
				ms(latency, 50) + " / " + ms(latency, 95) + " / " + ms(latency, 99));
		figures.put("carts still open after their order", stillWaiting);
	}

	/**
	 * Customers enter the cart journey through the intake (in process, no HTTP), then the
	 * clock moves past the first wait and the job executor fires every timer and send.
	 */
	private static void waiting(Settings settings, Harness harness, Map<String, Object> figures, Runnable loaded)
			throws Exception {
		int customers = settings.number("waiting");
		String prefix = "w-" + settings.run() + "-";
		long heapBefore = usedHeapAfterGc();
		harness.pauseJobs();
		long t0 = System.nanoTime();
		parallel(settings.threads(), (thread) -> {
			ShopLoad load = new ShopLoad(settings.seed() + 10 + thread, prefix);
			for (int i = thread; i < customers; i += settings.threads()) {
				List<Map<String, Object>> session = load.session(i, Instant.now());
				harness.apply(session.get(0));
				harness.apply(session.stream()
					.filter((e) -> "Checkout Started".equals(e.get("event")))
					.findFirst()
					.orElseThrow());
			}
		});
		double entryRate = customers / seconds(System.nanoTime() - t0);
		loaded.run();
		long waiting = harness.activeCarts();
		long heapAfter = usedHeapAfterGc();
		figures.put("customers waiting in journeys", waiting);
		figures.put("of them in the holdout (no message)", harness.holdoutCarts());
		figures.put("journey entries/s (identify + checkout, in process)", Math.round(entryRate));
		figures.put("heap used with them waiting MB", heapAfter / (1024 * 1024));
		figures.put("heap per waiting instance KB",
				String.format("%.2f", Math.max(0, heapAfter - heapBefore) / 1024.0 / Math.max(1, customers)));

		// Either every first reminder falls due, or (due < waiting) the clock stops at
		// the due-th earliest timer: the rest stay in the job table while acquisition
		// looks for the due ones, as with customers spread over days.
		int due = settings.due();
		Instant clock = (due < customers) ? harness.timerDueAt(due) : Instant.now().plus(Duration.ofMinutes(61));
		long dueTimers = harness.timersDueBy(clock);
		figures.put("timers due (of all waiting)", dueTimers);
		long sentBefore = harness.sent();
		long cartBefore = harness.cartRemindersSent();
		long logBefore = harness.lastMessageId();
		ClockUtil.setCurrentTime(Date.from(clock));
		harness.resumeJobs();
		long t1 = System.nanoTime();
		// Counting due timers is a query on the same database (a scan of the whole job
		// table): poll it sparingly, more so when a million wait.
		long poll = (customers > 200_000) ? 5000 : 1000;
		waitFor(() -> harness.dueTimers() == 0, Duration.ofHours(2), poll);
		double firing = dueTimers / seconds(System.nanoTime() - t1);
		waitFor(() -> harness.dueJobs() == 0, Duration.ofHours(2), poll);
		double sendSeconds = seconds(System.nanoTime() - t1);
		long sent = harness.sent() - sentBefore;
		figures.put("timers fired/s", Math.round(firing));
		figures.put("messages sent (sandbox, after guardrails)", sent);
		// The rest: reminders of the stream's journeys (browse abandonment) due by then.
		figures.put("of them cart reminders", harness.cartRemindersSent() - cartBefore);
		figures.put("messages not sent (status reason: count)", harness.unsentAfter(logBefore).toString());
		figures.put("sends/s", Math.round(sent / sendSeconds));
	}

	/**
	 * The database's counters once its statistics caught up with the work before (the job
	 * executor keeps working meanwhile: a little of its work is counted too).
	 */
	private static Map<String, Long> settled(Harness harness) throws InterruptedException {
		Thread.sleep(1500);
		return harness.databaseCounters();
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	interface Work {

		void run(int thread) throws Exception;

	}

	private static void parallel(int threads, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					work.run(thread);
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/** Polls a figure of the running engine; a benchmark, not a test, so it may pause. */
	private static void waitFor(java.util.function.BooleanSupplier done, Duration patience, long pollMillis)
			throws Exception {
		long deadline = System.nanoTime() + patience.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Gave up after " + patience);
			}
			Thread.sleep(pollMillis);
		}
	}

	private static String ratio(double rate, long ceiling) {
		return String.format("%.2f", rate / ceiling);
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String ms(Histogram histogram, double percentile) {
		return String.format("%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
	}

	/** What one run measures, from its size and the arguments that override it. */
	record Settings(String size, Map<String, String> options, Map<String, Integer> sized) {

		int number(String name) {
			return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(this.sized.get(name))));
		}

		/**
		 * How many waiting customers' timers fall due in the timer phase: all unless set.
		 */
		int due() {
			return (this.options.containsKey("due") || this.sized.containsKey("due")) ? number("due")
					: number("waiting");
		}

		List<String> phases() {
			String phases = this.options.getOrDefault("phases", String.join(",", PHASES));
			List<String> chosen = List.of(phases.split(","));
			if (!PHASES.containsAll(chosen)) {
				throw new IllegalArgumentException("phases must be among " + PHASES + ", not " + phases);
			}
			return chosen;
		}

		int threads() {
			return Integer.parseInt(this.options.getOrDefault("threads", "4"));
		}

		long seed() {
			return Long.parseLong(this.options.getOrDefault("seed", "42"));
		}

		String run() {
			return this.options.computeIfAbsent("run", (key) -> Long.toString(System.currentTimeMillis(), 36));
		}

		BenchDatabases databases() {
			String db = this.options.getOrDefault("db", "h2");
			return switch (db) {
				case "h2" -> BenchDatabases.h2();
				case "postgres" ->
					BenchDatabases
						.postgres(this.options.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/postgres"),
								this.options.getOrDefault("user", "postgres"),
								this.options.getOrDefault("password", ""), run())
						.keep(Boolean.parseBoolean(this.options.get("keep")));
				default -> throw new IllegalArgumentException("db must be h2 or postgres, not " + db);
			};
		}

	}

}
