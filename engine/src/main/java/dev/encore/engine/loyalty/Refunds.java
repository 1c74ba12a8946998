package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.profile.Refund;

/**
 * Takes back what a refunded order earned, in proportion: after refunds of an order
 * adding up to a share of its total, the order has given back that share of its points,
 * rounded half up (so several partial refunds come to the same as one, and a refund in
 * full takes back everything). What the balance no longer holds (already redeemed) is not
 * taken: the balance never goes below zero, and the row says how much was left.
 */
@Component
class Refunds {

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final PointsLedger ledger;

	Refunds(PointsLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * Records the refund; takes back the order's share of its points if it earned any.
	 */
	void takeBack(CustomerEvent event, Refund refund, List<PointsLedger.Entry> entries) {
		String orderId = OrderRef.of(refund.orderId());
		String key = "refund:" + event.messageId();
		if (Points.applied(entries, key)) {
			return;
		}
		PointsLedger.Entry earned = earned(entries, orderId);
		// Without an earn row, the refund is still recorded: its order may come later.
		long owed = earned == null ? 0 : owed(entries, earned, refund.amount());
		record(event, entries, orderId, refund.amount(), owed, key,
				earned == null ? "no points earned by this order yet" : null);
	}

	/**
	 * After an order's first earn: takes back the share of refunds that came before it.
	 */
	void catchUp(CustomerEvent event, String orderId, List<PointsLedger.Entry> entries) {
		PointsLedger.Entry earned = earned(entries, orderId);
		boolean refundedBefore = entries.stream()
			.anyMatch((entry) -> "refund".equals(entry.reason()) && orderId.equals(entry.orderId()));
		String key = "refund-catch-up:" + orderId;
		if (earned == null || !refundedBefore || Points.applied(entries, key)) {
			return;
		}
		long owed = owed(entries, earned, BigDecimal.ZERO);
		record(event, entries, orderId, BigDecimal.ZERO, owed, key, "refunds made before the order arrived");
	}

	private void record(CustomerEvent event, List<PointsLedger.Entry> entries, String orderId, BigDecimal amount,
			long owed, String key, String note) {
		long balance = Points.balance(entries);
		long taken = Math.min(owed, balance);
		String detail = taken < owed ? (owed - taken) + " of " + owed + " points were already spent" : note;
		this.ledger.append(event.customerId(), entries, new PointsLedger.Change(-taken, "refund", orderId,
				event.messageId(), amount, event.timestamp(), null, key, detail));
		if (taken > 0) {
			log.info("Customer={}: {} points taken back for refunded order {}", event.customerId(), taken, orderId);
		}
	}

	/**
	 * The points still to take back once {@code amount} more of the order is refunded
	 * (null: all of it).
	 */
	private static long owed(List<PointsLedger.Entry> entries, PointsLedger.Entry earned, BigDecimal amount) {
		BigDecimal total = earned.basis();
		BigDecimal refunded = amount == null ? total : amount;
		long takenBack = 0;
		for (PointsLedger.Entry entry : entries) {
			if ("refund".equals(entry.reason()) && earned.orderId().equals(entry.orderId())) {
				refunded = refunded.add(entry.basis() == null ? total : entry.basis());
				takenBack -= entry.delta();
			}
		}
		BigDecimal share = refunded.min(total).divide(total, 10, RoundingMode.HALF_UP);
		long due = share.multiply(BigDecimal.valueOf(earned.delta())).setScale(0, RoundingMode.HALF_UP).longValue();
		return Math.max(0, due - takenBack);
	}

	private static PointsLedger.Entry earned(List<PointsLedger.Entry> entries, String orderId) {
		return entries.stream().filter((entry) -> entry.dedupeKey().equals("earn:" + orderId)).findFirst().orElse(null);
	}

}
