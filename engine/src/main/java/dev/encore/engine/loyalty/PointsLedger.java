package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.encore.engine.store.CustomerData;

/**
 * The points ledger (table {@code encore_points_ledger}): one row per change of a
 * customer's points, appended in the transaction of the event that caused it and never
 * updated. Each row carries the balance after it and its number in the customer's ledger:
 * two transactions appending to the same customer at once collide on that number (and on
 * the row's {@code dedupeKey} when they apply the same thing), and the loser is retried
 * on the new balance, so the balance is never computed twice from the same start.
 */
@Repository
public class PointsLedger implements CustomerData {

	private final JdbcClient jdbc;

	private final Clock clock;

	PointsLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The customer's rows, first to last. */
	public List<Entry> forCustomer(String customerId) {
		return this.jdbc.sql(SELECT + " WHERE customer_id = ? ORDER BY entry_no")
			.param(customerId)
			.query(PointsLedger::row)
			.list();
	}

	/** Customers with points that are still on the ledger and expired by {@code now}. */
	List<String> withExpiredPoints(Instant now) {
		return this.jdbc
			.sql("""
					SELECT DISTINCT l.customer_id FROM encore_points_ledger l
					WHERE l.delta > 0 AND l.expires_at <= ? AND EXISTS (
					  SELECT 1 FROM encore_points_ledger b WHERE b.customer_id = l.customer_id AND b.balance_after > 0
					  AND b.entry_no = (SELECT MAX(m.entry_no) FROM encore_points_ledger m WHERE m.customer_id = l.customer_id))
					ORDER BY l.customer_id""")
			.param(Timestamp.from(now))
			.query(String.class)
			.list();
	}

	/**
	 * Customers with points earned that expire after {@code from} and by {@code until}.
	 */
	List<String> withPointsExpiringBetween(Instant from, Instant until) {
		return this.jdbc.sql("""
				SELECT DISTINCT customer_id FROM encore_points_ledger
				WHERE delta > 0 AND expires_at > ? AND expires_at <= ? ORDER BY customer_id""")
			.params(Timestamp.from(from), Timestamp.from(until))
			.query(String.class)
			.list();
	}

	/**
	 * Appends a row after the customer's {@code entries} as read in this transaction, and
	 * returns them with it. Fails with a duplicate-key error when another transaction
	 * appended meanwhile or applied the same {@code dedupeKey}; the event is then applied
	 * again on fresh state.
	 */
	List<Entry> append(String customerId, List<Entry> entries, Change change) {
		List<Entry> next = new ArrayList<>(entries);
		next.add(append(customerId, entries.isEmpty() ? null : entries.get(entries.size() - 1), change));
		return next;
	}

	private Entry append(String customerId, Entry last, Change change) {
		long balance = (last == null ? 0 : last.balanceAfter()) + change.delta();
		int entryNo = last == null ? 1 : last.entryNo() + 1;
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO encore_points_ledger (customer_id, entry_no, delta, balance_after, reason, order_id,
				  event_id, basis, occurred_at, expires_at, created_at, dedupe_key, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(customerId, entryNo, change.delta(), balance, change.reason(), change.orderId(), change.eventId(),
					change.basis(), Timestamp.from(change.occurredAt()),
					change.expiresAt() == null ? null : Timestamp.from(change.expiresAt()), Timestamp.from(now),
					change.dedupeKey(), change.detail())
			.update();
		return new Entry(entryNo, change.delta(), balance, change.reason(), change.orderId(), change.eventId(),
				change.basis(), change.occurredAt(), change.expiresAt(), now, change.dedupeKey(), change.detail());
	}

	/** Erasure deletes the customer's ledger. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_points_ledger WHERE customer_id = ?").param(customerId).update();
	}

	private static final String SELECT = """
			SELECT entry_no, delta, balance_after, reason, order_id, event_id, basis, occurred_at, expires_at,
			  created_at, dedupe_key, detail
			FROM encore_points_ledger""";

	private static Entry row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp expires = rs.getTimestamp(9);
		return new Entry(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getBigDecimal(7), rs.getTimestamp(8).toInstant(), expires == null ? null : expires.toInstant(),
				rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));
	}

	/** A row to append: what changes and why. */
	record Change(long delta, String reason, String orderId, String eventId, BigDecimal basis, Instant occurredAt,
			Instant expiresAt, String dedupeKey, String detail) {

		Change {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(eventId, "eventId");
			Objects.requireNonNull(occurredAt, "occurredAt");
			Objects.requireNonNull(dedupeKey, "dedupeKey");
		}

	}

	/**
	 * One row of a customer's ledger.
	 *
	 * @param entryNo 1 for the customer's first row, then one more per row
	 * @param reason {@code earn}, {@code redeem}, {@code redeem_refused}, {@code refund},
	 * {@code expire}, {@code anniversary} or {@code birthday}
	 * @param basis the amount the points were worked out on: the order total (earn), the
	 * refunded amount (refund; null: all of the order)
	 * @param occurredAt when the event happened: earned points count their expiry from it
	 * @param expiresAt when earned points expire; null for other rows
	 * @param dedupeKey what the row applied ({@code earn:<order id>},
	 * {@code redeem:<event id>}...), once per customer
	 */
	public record Entry(int entryNo, long delta, long balanceAfter, String reason, String orderId, String eventId,
			BigDecimal basis, Instant occurredAt, Instant expiresAt, Instant createdAt, String dedupeKey,
			String detail) {
	}

}
