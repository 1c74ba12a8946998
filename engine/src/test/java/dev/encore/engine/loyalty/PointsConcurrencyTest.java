package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The same event delivered twice at the same moment (two Kafka consumers after a
 * rebalance, an HTTP retry racing the first try), on one node and, below the per-customer
 * lock, as two nodes would: the ledger's unique keys let one through.
 */
class PointsConcurrencyTest extends EncoreIntegrationTest {

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@Autowired
	private EventSink events;

	@Autowired
	private PointsLedger ledger;

	@Autowired
	private Points points;

	@Autowired
	private ProfileStore profiles;

	@Autowired
	private TransactionTemplate transactions;

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void theSameOrderDeliveredTwiceAtOnceEarnsOnce() throws Exception {
		String customer = newCustomerId();
		CustomerEvent order = order(customer, "m-" + UUID.randomUUID(), "o-1");
		CustomerEvent resent = order(customer, "m-" + UUID.randomUUID(), "o-1");

		List<EventSink.Outcome> outcomes = together(() -> this.events.process(order), () -> this.events.process(order));
		together(() -> this.events.process(resent), () -> this.events.process(resent));

		assertThat(outcomes).containsExactlyInAnyOrder(EventSink.Outcome.APPLIED, EventSink.Outcome.DUPLICATE);
		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 120L, 120L));
	}

	@Test
	void twoNodesApplyingTheSameRedemptionAtOnceSpendOnce() throws Exception {
		String customer = newCustomerId();
		this.events.process(order(customer, "m-" + UUID.randomUUID(), "o-1"));
		CustomerEvent redemption = new CustomerEvent("m-" + UUID.randomUUID(), EventType.TRACK, "Points Redeemed",
				customer, START, Map.of("points", 100), Map.of(), "test");
		CustomerProfile profile = this.profiles.find(customer).orElseThrow();

		// No per-customer lock here: each thread is a node, in its own transaction.
		List<Object> results = together(() -> inTransaction(() -> this.points.apply(profile, "silver", redemption)),
				() -> inTransaction(() -> this.points.apply(profile, "silver", redemption)));

		assertThat(results).filteredOn((result) -> result instanceof DuplicateKeyException).hasSizeLessThanOrEqualTo(1);
		assertThat(this.ledger.forCustomer(customer))
			.extracting(PointsLedger.Entry::reason, PointsLedger.Entry::delta, PointsLedger.Entry::balanceAfter)
			.containsExactly(tuple("earn", 120L, 120L), tuple("redeem", -100L, 20L));
	}

	@Test
	void twoNodesAppendingToOneLedgerAtOnceNeverForkTheBalance() throws Exception {
		String customer = newCustomerId();
		this.events.process(order(customer, "m-" + UUID.randomUUID(), "o-1"));
		CustomerProfile profile = this.profiles.find(customer).orElseThrow();
		CustomerEvent first = redemption(customer, 50);
		CustomerEvent second = redemption(customer, 60);

		List<Object> results = together(() -> inTransaction(() -> this.points.apply(profile, "silver", first)),
				() -> inTransaction(() -> this.points.apply(profile, "silver", second)));
		// The loser is applied again on the new balance, as the intake retries it.
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i) instanceof DuplicateKeyException) {
				CustomerEvent lost = i == 0 ? first : second;
				inTransaction(() -> this.points.apply(profile, "silver", lost));
			}
		}

		List<PointsLedger.Entry> rows = this.ledger.forCustomer(customer);
		assertThat(rows).extracting(PointsLedger.Entry::entryNo).containsExactly(1, 2, 3);
		assertThat(rows.get(2).balanceAfter()).isEqualTo(10);
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).balanceAfter()).isEqualTo(rows.get(i - 1).balanceAfter() + rows.get(i).delta());
		}
	}

	private Object inTransaction(Runnable work) {
		try {
			this.transactions.executeWithoutResult((status) -> work.run());
			return "committed";
		}
		catch (DuplicateKeyException ex) {
			return ex;
		}
	}

	/** Runs both at the same moment; their results, or what they threw. */
	@SafeVarargs
	private <T> List<T> together(Callable<T>... work) throws Exception {
		CyclicBarrier start = new CyclicBarrier(work.length);
		List<Future<T>> running = new ArrayList<>();
		for (Callable<T> task : work) {
			running.add(this.threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return task.call();
			}));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> result : running) {
			results.add(result.get(60, TimeUnit.SECONDS));
		}
		return results;
	}

	private static CustomerEvent order(String customer, String messageId, String orderId) {
		return new CustomerEvent(messageId, EventType.TRACK, "Order Completed", customer, START,
				Map.of("order_id", orderId, "total", new BigDecimal("100")), Map.of(), "test");
	}

	private static CustomerEvent redemption(String customer, long points) {
		return new CustomerEvent("m-" + UUID.randomUUID(), EventType.TRACK, "Points Redeemed", customer,
				Instant.parse("2026-11-23T10:00:00Z"), Map.of("points", points), Map.of(), "test");
	}

}
