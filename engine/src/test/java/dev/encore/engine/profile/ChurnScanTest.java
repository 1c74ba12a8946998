package dev.encore.engine.profile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.event.EventNames;
import dev.encore.engine.testsupport.RedisIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The churn scan over profiles in Redis, with Camunda's clock moved day by day as the
 * schedule would (first-order default interval 60 days, factor 2: an alarm after 120).
 */
class ChurnScanTest extends RedisIntegrationTest {

	@Autowired
	ChurnScan scan;

	@Autowired
	JdbcClient jdbc;

	private void order(String customer) throws Exception {
		send(TestEvents.orderCompleted(customer)).andExpect(status().isAccepted());
	}

	private List<String> riskEvents(String customer) {
		return this.jdbc.sql("SELECT properties FROM encore_event WHERE customer_id = ? AND event_name = ? ORDER BY id")
			.params(customer, EventNames.CHURN_RISK_DETECTED)
			.query(String.class)
			.list();
	}

	private void days(int days) {
		for (int i = 0; i < days; i++) {
			this.clock.advance(Duration.ofDays(1));
			this.scan.runIfDue();
		}
	}

	@Test
	void firesOncePerEpisodeUntilTheCustomerBuysAndLapsesAgain() throws Exception {
		String customer = newCustomerId();
		order(customer);

		days(120);
		assertThat(riskEvents(customer)).isEmpty();
		days(1);
		assertThat(riskEvents(customer)).singleElement()
			.asString()
			.contains("\"signal\":\"purchase-interval\"", "\"severity\":\"medium\"");

		days(30);
		assertThat(riskEvents(customer)).hasSize(1);

		order(customer);
		// Two orders 151 days apart: the next alarm is after 302 days.
		days(302);
		assertThat(riskEvents(customer)).hasSize(1);
		days(1);
		assertThat(riskEvents(customer)).hasSize(2);
	}

	@Test
	void oneNodeRunsTheDailyScanAndTwoScanningNodesEmitOneEvent() throws Exception {
		String customer = newCustomerId();
		order(customer);
		this.clock.setTo(this.clock.now().plus(Duration.ofDays(200)));

		List<Boolean> ran = race(this.scan::runIfDue);
		assertThat(ran).containsExactlyInAnyOrder(true, false);
		assertThat(riskEvents(customer)).hasSize(1);

		String other = newCustomerId();
		order(other);
		this.clock.setTo(this.clock.now().plus(Duration.ofDays(200)));
		race(this.scan::scan);
		assertThat(riskEvents(other)).hasSize(1);
	}

	private static <T> List<T> race(Callable<T> node) throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<T>> results = nodes.invokeAll(List.of(node, node));
			return List.of(results.get(0).get(), results.get(1).get());
		}
		finally {
			nodes.shutdown();
		}
	}

}
