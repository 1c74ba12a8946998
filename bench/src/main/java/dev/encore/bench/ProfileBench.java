package dev.encore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.encore.engine.EncoreApplication;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.profile.ProfileConfiguration;
import dev.encore.engine.profile.ProfileUpdater;

/**
 * Profile updates per second against the real redis-server, and Redis round trips per
 * event: the engine's {@link ProfileUpdater} (read profile, apply, write) driven by a
 * storefront-like mix of orders, refunds, engagement and identify events. Settings as
 * system properties: {@code redis} (default redis://127.0.0.1:6379/0), {@code customers}
 * (2000), {@code events} (100000), {@code threads} (4).
 */
public final class ProfileBench {

	private static final String[] EVENTS = { "Order Completed", "Order Completed", "Order Refunded", "Email Opened",
			"Email Opened", "Email Link Clicked", "Site Visited", "Site Visited", "Product Viewed", "identify" };

	private ProfileBench() {
	}

	public static void main(String[] args) throws Exception {
		String redisUrl = System.getProperty("redis", "redis://127.0.0.1:6379/0");
		int customers = Integer.getInteger("customers", 2000);
		int events = Integer.getInteger("events", 100_000);
		int threads = Integer.getInteger("threads", 4);
		String prefix = "encore-bench:" + UUID.randomUUID() + ":";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EncoreApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--encore.redis.url=" + redisUrl, "--encore.redis.key-prefix=" + prefix,
					"--spring.datasource.url=jdbc:h2:mem:bench", "--camunda.bpm.job-execution.enabled=false",
					"--encore.profile.churn.scheduled=false", "--encore.access.try-out=true",
					"--logging.level.root=WARN")) {
			ProfileUpdater updater = context.getBean(ProfileUpdater.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			List<List<CustomerEvent>> work = workload(customers, events, threads);
			run(updater,
					work.subList(0, 1).stream().map((part) -> part.subList(0, Math.min(2000, part.size()))).toList());
			double roundTripsBefore = meters.counter(ProfileConfiguration.REDIS_ROUND_TRIPS).count();
			Histogram latency = new ConcurrentHistogram(3);
			long started = System.nanoTime();
			run(updater, work, latency);
			double seconds = (System.nanoTime() - started) / 1e9;
			double roundTrips = meters.counter(ProfileConfiguration.REDIS_ROUND_TRIPS).count() - roundTripsBefore;
			report(customers, events, threads, seconds, roundTrips, latency);
		}
		finally {
			removeKeys(redisUrl, prefix);
		}
	}

	/**
	 * Per thread its own customers, so each customer's events stay in order as in Encore.
	 */
	private static List<List<CustomerEvent>> workload(int customers, int events, int threads) {
		Random random = new Random(42);
		List<List<CustomerEvent>> parts = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			parts.add(new ArrayList<>());
		}
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < events; i++) {
			int customer = random.nextInt(customers);
			String name = EVENTS[random.nextInt(EVENTS.length)];
			Instant at = start.plusSeconds(random.nextInt(365 * 24 * 3600));
			parts.get(customer % threads).add(event("bench-" + customer, name, at, random));
		}
		return parts;
	}

	private static CustomerEvent event(String customer, String name, Instant at, Random random) {
		String messageId = UUID.randomUUID().toString();
		if (name.equals("identify")) {
			return new CustomerEvent(messageId, EventType.IDENTIFY, null, customer, at, Map.of(),
					Map.of("email", customer + "@example.org", "phone", "+8869123" + (10000 + random.nextInt(89999)),
							"timezone", "Asia/Taipei", "consents", Map.of("email", "granted")),
					"bench");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		if (name.startsWith("Order")) {
			properties.put("order_id", customer + "-o" + random.nextInt(20));
		}
		if (name.equals("Order Completed")) {
			properties.put("total", 10 + random.nextInt(300));
			properties.put("products", List.of(Map.of("category", "c" + random.nextInt(8), "price", 20)));
		}
		return new CustomerEvent(messageId, EventType.TRACK, name, customer, at, properties, Map.of(), "bench");
	}

	private static void run(ProfileUpdater updater, List<List<CustomerEvent>> parts) throws Exception {
		run(updater, parts, new ConcurrentHistogram(3));
	}

	private static void run(ProfileUpdater updater, List<List<CustomerEvent>> parts, Histogram latency)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(parts.size());
		try {
			List<Future<?>> done = new ArrayList<>();
			for (List<CustomerEvent> part : parts) {
				done.add(pool.submit(() -> part.forEach((event) -> {
					long t0 = System.nanoTime();
					updater.apply(event);
					latency.recordValue((System.nanoTime() - t0) / 1000);
				})));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static void report(int customers, int events, int threads, double seconds, double roundTrips,
			Histogram latency) throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("benchmark", "profile-updates");
		result.put("customers", customers);
		result.put("events", events);
		result.put("threads", threads);
		result.put("updatesPerSecond", Math.round(events / seconds));
		result.put("redisRoundTripsPerEvent", Math.round(roundTrips / events * 1000) / 1000.0);
		result.put("latencyMicrosP50", latency.getValueAtPercentile(50));
		result.put("latencyMicrosP99", latency.getValueAtPercentile(99));
		result.put("latencyMicrosMax", latency.getMaxValue());
		result.put("cpus", Runtime.getRuntime().availableProcessors());
		result.put("measuredAt", Instant.now().toString());
		System.out.printf("%-28s %s%n", "metric", "value");
		result.forEach((name, value) -> System.out.printf("%-28s %s%n", name, value));
		// exec:java runs in Maven's JVM: from the repository root or from bench/.
		Path results = Files.isDirectory(Path.of("bench", "results")) ? Path.of("bench", "results")
				: Path.of("results");
		Files.createDirectories(results);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.writeValue(results.resolve("profile-updates.json").toFile(), result);
	}

	private static void removeKeys(String redisUrl, String prefix) {
		try (JedisPooled redis = new JedisPooled(java.net.URI.create(redisUrl))) {
			String cursor = ScanParams.SCAN_POINTER_START;
			do {
				ScanResult<String> page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
				page.getResult().forEach(redis::del);
				cursor = page.getCursor();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		}
	}

}
