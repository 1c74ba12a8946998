package dev.encore.engine.loyalty;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.encore.engine.profile.OrderHistory;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.profile.ScheduledRuns;

/**
 * Orders applied before the order table existed (V19) are in the profiles only: once per
 * database, the first node to start writes a row for each order that has none (in the
 * shop's currency: the profile keeps none). Rows written by live events meanwhile stay.
 */
@Component
class OrderBackfill {

	static final String TASK = "order-backfill";

	private static final Logger log = LoggerFactory.getLogger(OrderBackfill.class);

	private final ProfileStore profiles;

	private final ScheduledRuns runs;

	private final OrderRows rows;

	OrderBackfill(ProfileStore profiles, ScheduledRuns runs, OrderRows rows) {
		this.profiles = profiles;
		this.runs = runs;
		this.rows = rows;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			backfill();
		}
		catch (RuntimeException ex) {
			// The numbers then start with the orders applied from now on; Encore runs on.
			log.warn("Order backfill from the profiles stopped; to run it again, delete its row (task '{}') "
					+ "from encore_scheduled_run and restart", TASK, ex);
		}
	}

	/** How many orders it wrote; none when this database had its backfill. */
	int backfill() {
		if (!this.runs.claim(TASK, "V19")) {
			return 0;
		}
		AtomicInteger added = new AtomicInteger();
		this.profiles.forEach((profile) -> {
			OrderHistory history = profile.orders();
			history.orders().forEach((orderId, order) -> {
				if (this.rows.addIfAbsent(profile.customerId(), orderId,
						OrderBookExtension.row(history, orderId, order, null))) {
					added.incrementAndGet();
				}
			});
		});
		log.info("Order backfill wrote {} orders from the profiles", added.get());
		return added.get();
	}

}
