package dev.encore.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest journey benchmark run, so the benchmark keeps working: every figure is
 * printed and plausible. Its figures are not compared with targets here; see
 * docs/performance.md.
 */
class JourneyBenchSmokeTest {

	@Test
	void theSmokeRunMeasuresEveryFigure() throws Exception {
		Map<String, Object> figures = JourneyBench
			.run(new JourneyBench.Settings("smoke", new HashMap<>(), JourneyBench.SIZES.get("smoke")));
		BenchReport.print("Encore journeys vs the Camunda ceiling (h2, smoke)", figures);

		assertThat(figures).containsKeys("ceiling msg/s (raw Camunda)", "start-up s", "HTTP events/s",
				"HTTP p50 / p99 ms", "HTTP ratio to ceiling", "Kafka events/s (burst, 4 partitions)",
				"Kafka ratio to ceiling", "exit latency p50 / p95 / p99 ms",
				"journey entries/s (identify + checkout, in process)", "heap used with them waiting MB",
				"heap per waiting instance KB", "timers fired/s", "sends/s", "live heap peak MB / max MB");
		for (String rate : List.of("ceiling msg/s (raw Camunda)", "HTTP events/s",
				"Kafka events/s (burst, 4 partitions)", "journey entries/s (identify + checkout, in process)",
				"timers fired/s", "sends/s")) {
			assertThat(((Number) figures.get(rate)).longValue()).as(rate).isPositive();
		}
		assertThat(figures.get("carts still open after their order")).isEqualTo(0L);
		// The 1000 entered for the timer figures, and carts the intake left open.
		long waiting = (Long) figures.get("customers waiting in journeys");
		assertThat(waiting).isGreaterThanOrEqualTo(1000L);
		long holdout = (Long) figures.get("of them in the holdout (no message)");
		assertThat(holdout).as("about a tenth in the cart journey's holdout").isBetween(waiting / 20, waiting / 5);
		assertThat(figures.get("of them cart reminders")).as("one reminder each, holdout aside")
			.isEqualTo(waiting - holdout);
		assertThat((Long) figures.get("messages sent (sandbox, after guardrails)"))
			.as("the cart reminders and the stream's browse reminders")
			.isGreaterThan(waiting - holdout);
		assertThat(figures.get("messages not sent (status reason: count)")).hasToString("{}");
		assertThat((String) figures.get("exit latency p50 / p95 / p99 ms")).matches("[0-9.]+ / [0-9.]+ / [0-9.]+");
	}

}
