package dev.encore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.encore.engine.EncoreApplication;

/**
 * Event intake end to end: events/s and event-to-applied latency for the HTTP path
 * ({@code POST /api/v1/events}, answered after commit: the round trip is the latency) and
 * the Kafka path (records keyed by customer on an in-process KRaft broker; latency from
 * the event's timestamp at publish to its recording by the processor). Arguments:
 * {@code events=5000 customers=500 threads=4 partitions=4}.
 */
public final class IntakeBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	private IntakeBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		int events = Integer.parseInt(options.getOrDefault("events", "5000"));
		int customers = Integer.parseInt(options.getOrDefault("customers", "500"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
		int partitions = Integer.parseInt(options.getOrDefault("partitions", "4"));
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, "encore.events",
				"encore.events.DLT");
		broker.afterPropertiesSet();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EncoreApplication.class)
			.logStartupInfo(false)
			.run("--server.port=0", "--management.server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:intake-bench;DB_CLOSE_DELAY=-1",
					"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"--encore.intake.kafka.concurrency=" + Math.min(threads, partitions),
					"--camunda.bpm.job-execution.enabled=false", "--encore.profile.churn.scheduled=false",
					"--encore.access.try-out=true", "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			http(port, "warm-", Math.min(500, events), customers, threads);

			Histogram httpLatency = new ConcurrentHistogram(3);
			long t0 = System.nanoTime();
			http(port, "http-", events, customers, threads, httpLatency);
			double httpSeconds = (System.nanoTime() - t0) / 1e9;

			@SuppressWarnings("unchecked")
			KafkaTemplate<String, String> producer = context.getBean(KafkaTemplate.class);
			String run = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + "-";
			long t1 = System.nanoTime();
			for (int i = 0; i < events; i++) {
				String customer = run + (i % customers);
				producer.send("encore.events", customer, event(customer, Instant.now()));
			}
			producer.flush();
			while (recorded(jdbc, run) < events) {
				Thread.sleep(20);
			}
			double kafkaSeconds = (System.nanoTime() - t1) / 1e9;
			Histogram kafkaLatency = kafkaLatency(jdbc, run);

			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("events per path", events);
			figures.put("customers", customers);
			figures.put("client threads (HTTP)", threads);
			figures.put("partitions / consumer threads (Kafka)", partitions + " / " + Math.min(threads, partitions));
			figures.put("HTTP events/s", Math.round(events / httpSeconds));
			figures.put("HTTP latency p50 ms", ms(httpLatency, 50));
			figures.put("HTTP latency p99 ms", ms(httpLatency, 99));
			figures.put("Kafka events/s", Math.round(events / kafkaSeconds));
			figures.put("Kafka latency p50 ms", ms(kafkaLatency, 50));
			figures.put("Kafka latency p99 ms", ms(kafkaLatency, 99));
			BenchReport.print("Event intake (H2 in memory, profiles in memory, embedded KRaft broker)", figures);
			BenchReport.write("intake", figures);
		}
		finally {
			broker.destroy();
		}
	}

	private static void http(int port, String prefix, int events, int customers, int threads) throws Exception {
		http(port, prefix, events, customers, threads, new ConcurrentHistogram(3));
	}

	/**
	 * Per thread its own customers, each customer's events sent in order, as a storefront
	 * does.
	 */
	private static void http(int port, String prefix, int events, int customers, int threads, Histogram latency)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/events");
		String run = prefix + UUID.randomUUID().toString().substring(0, 8) + "-";
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = thread; i < events; i += threads) {
						String customer = run + (i % customers);
						HttpRequest request = HttpRequest.newBuilder(uri)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(event(customer, null)))
							.build();
						long start = System.nanoTime();
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						latency.recordValue((System.nanoTime() - start) / 1000);
						if (response.statusCode() != 202) {
							throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
						}
					}
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

	private static String event(String customer, Instant timestamp) throws Exception {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("messageId", UUID.randomUUID().toString());
		event.put("type", "track");
		event.put("event", "Product Viewed");
		event.put("userId", customer);
		if (timestamp != null) {
			event.put("timestamp", timestamp.toString());
		}
		event.put("properties", Map.of("product_id", "p-42", "price", 49.0));
		return JSON.writeValueAsString(event);
	}

	private static long recorded(JdbcClient jdbc, String run) {
		return jdbc.sql("SELECT COUNT(*) FROM encore_event WHERE customer_id LIKE ?")
			.param(run + "%")
			.query(Long.class)
			.single();
	}

	/** From the timestamp set at publish to when the processor recorded the event. */
	private static Histogram kafkaLatency(JdbcClient jdbc, String run) {
		Histogram latency = new Histogram(3);
		jdbc.sql("SELECT occurred_at, received_at FROM encore_event WHERE customer_id LIKE ?")
			.param(run + "%")
			.query((rs, row) -> {
				Timestamp occurred = rs.getTimestamp(1);
				Timestamp received = rs.getTimestamp(2);
				latency.recordValue(Math.max(0, (received.getTime() - occurred.getTime()) * 1000));
				return null;
			})
			.list();
		return latency;
	}

	private static String ms(Histogram histogram, double percentile) {
		return String.format("%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
	}

}
