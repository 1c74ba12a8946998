package dev.encore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.ConcurrentHistogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The ceiling Encore is measured against: raw Camunda on the same database, history level
 * and machine, starting a one-wait process by message and correlating its exit message
 * straight through {@link RuntimeService}, as fast as the engine goes.
 *
 * <p>
 * Arguments (all optional): {@code customers=20000 threads=4 jdbc=<url> user=<user>
 * password=<pw>}; the default database is H2 in memory, as Encore's try-out.
 */
public final class CeilingBenchmark {

	private CeilingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		Map<String, Object> result = measure(options.getOrDefault("jdbc", "jdbc:h2:mem:ceiling;DB_CLOSE_DELAY=-1"),
				options.getOrDefault("user", "sa"), options.getOrDefault("password", ""),
				Integer.parseInt(options.getOrDefault("customers", "20000")),
				Integer.parseInt(options.getOrDefault("threads", "4")));
		BenchReport.print("Ceiling: raw Camunda start-by-message + exit correlation", result);
		BenchReport.write("ceiling", result);
	}

	/** Runs the ceiling on its own engine, closed afterwards; its figures. */
	static Map<String, Object> measure(String jdbc, String user, String password, int customers, int threads)
			throws Exception {
		ProcessEngine engine = engine(jdbc, user, password);
		try {
			engine.getRepositoryService().createDeployment().addModelInstance("ceiling.bpmn", oneWait()).deploy();
			RuntimeService runtime = engine.getRuntimeService();
			String run = Long.toString(System.nanoTime(), 36) + "-";
			run(runtime, "warmup-" + run, Math.min(customers / 10, 2000), threads, new ConcurrentHistogram(3));
			ConcurrentHistogram latency = new ConcurrentHistogram(3);
			long start = System.nanoTime();
			run(runtime, "c-" + run, customers, threads, latency);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			double messagesPerSecond = 2.0 * customers / (elapsed.toNanos() / 1e9);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("benchmark", "ceiling");
			result.put("database", jdbc.startsWith("jdbc:h2") ? "h2" : "postgresql");
			result.put("historyLevel", "activity");
			result.put("customers", customers);
			result.put("threads", threads);
			result.put("messagesPerSecond", Math.round(messagesPerSecond));
			result.put("pairP50Ms", latency.getValueAtPercentile(50) / 1000.0);
			result.put("pairP99Ms", latency.getValueAtPercentile(99) / 1000.0);
			return result;
		}
		finally {
			engine.close();
		}
	}

	private static ProcessEngine engine(String jdbc, String user, String password) {
		return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(jdbc)
			.setJdbcUsername(user)
			.setJdbcPassword(password)
			.setJdbcDriver(jdbc.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory("activity")
			.setJobExecutorActivate(false)
			.setJdbcMaxActiveConnections(32)
			.buildProcessEngine();
	}

	/**
	 * Start on the trigger, wait for the exit event, end: the shape of every Encore
	 * journey.
	 */
	private static BpmnModelInstance oneWait() {
		return Bpmn.createExecutableProcess("Ceiling")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEventCheckoutStarted")
			.message("Checkout Started")
			.receiveTask("ReceiveTaskOrderCompleted")
			.message("Order Completed")
			.endEvent("EndEventConverted")
			.done();
	}

	private static void run(RuntimeService runtime, String prefix, int customers, int threads,
			ConcurrentHistogram latency) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < customers; i = next.getAndIncrement()) {
					String customer = prefix + i;
					long begin = System.nanoTime();
					runtime.createMessageCorrelation("Checkout Started")
						.processInstanceBusinessKey(customer)
						.correlateStartMessage();
					runtime.createMessageCorrelation("Order Completed")
						.processInstanceBusinessKey(customer)
						.correlate();
					latency.recordValue((System.nanoTime() - begin) / 1000);
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
	}

}
