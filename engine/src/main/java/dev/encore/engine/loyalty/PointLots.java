package dev.encore.engine.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A customer's earned points as lots, worked out from the ledger rows alone: each credit
 * is a lot, and each debit spends the lots that expire first (earned first, since all
 * expire the same time after earning), except a refund, which first takes back the
 * refunded order's own lot. Expiry rows spend exactly the lots past their date, since
 * those come first.
 */
final class PointLots {

	private static final Comparator<Lot> FIRST_OUT = Comparator
		.comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Lot::earnedAt)
		.thenComparingInt(Lot::entryNo);

	private final List<Lot> lots;

	private PointLots(List<Lot> lots) {
		this.lots = lots;
	}

	static PointLots of(List<PointsLedger.Entry> entries) {
		List<Lot> lots = new ArrayList<>();
		for (PointsLedger.Entry entry : entries) {
			if (entry.delta() > 0) {
				lots.add(new Lot(entry.entryNo(), entry.orderId(), entry.occurredAt(), entry.expiresAt(),
						entry.delta()));
			}
			else if (entry.delta() < 0) {
				spend(lots, -entry.delta(), "refund".equals(entry.reason()) ? entry.orderId() : null);
			}
		}
		return new PointLots(lots);
	}

	private static void spend(List<Lot> lots, long points, String orderId) {
		long left = points;
		List<Lot> order = new ArrayList<>(lots);
		order.sort(FIRST_OUT);
		if (orderId != null) {
			// The refunded order's own points go back first; then the oldest, as ever.
			order.sort(Comparator.comparing((Lot lot) -> !orderId.equals(lot.orderId)).thenComparing(FIRST_OUT));
		}
		for (Lot lot : order) {
			long taken = Math.min(left, lot.remaining);
			lot.remaining -= taken;
			left -= taken;
		}
	}

	/** Points not spent nor expired. */
	long balance() {
		return this.lots.stream().mapToLong((lot) -> lot.remaining).sum();
	}

	/** Unspent points whose expiry is {@code now} or before. */
	long expiredBy(Instant now) {
		return this.lots.stream()
			.filter((lot) -> lot.expiresAt != null && !lot.expiresAt.isAfter(now) && lot.remaining > 0)
			.mapToLong((lot) -> lot.remaining)
			.sum();
	}

	/** Unspent points expiring after {@code now} and by {@code until}. */
	long expiringBy(Instant now, Instant until) {
		return unspentExpiring(now).stream()
			.filter((lot) -> !lot.expiresAt.isAfter(until))
			.mapToLong((lot) -> lot.remaining)
			.sum();
	}

	/**
	 * The next points to expire after {@code now}: the first expiry, and every unspent
	 * point expiring that same day (UTC); null when none will.
	 */
	Expiring next(Instant now) {
		List<Lot> pending = unspentExpiring(now);
		if (pending.isEmpty()) {
			return null;
		}
		Instant first = pending.get(0).expiresAt;
		LocalDate day = LocalDate.ofInstant(first, ZoneOffset.UTC);
		long points = pending.stream()
			.filter((lot) -> LocalDate.ofInstant(lot.expiresAt, ZoneOffset.UTC).equals(day))
			.mapToLong((lot) -> lot.remaining)
			.sum();
		return new Expiring(points, first);
	}

	private List<Lot> unspentExpiring(Instant now) {
		return this.lots.stream()
			.filter((lot) -> lot.remaining > 0 && lot.expiresAt != null && lot.expiresAt.isAfter(now))
			.sorted(FIRST_OUT)
			.toList();
	}

	/**
	 * @param at when the first of them expires
	 */
	record Expiring(long points, Instant at) {
	}

	private static final class Lot {

		private final int entryNo;

		private final String orderId;

		private final Instant earnedAt;

		private final Instant expiresAt;

		private long remaining;

		Lot(int entryNo, String orderId, Instant earnedAt, Instant expiresAt, long points) {
			this.entryNo = entryNo;
			this.orderId = orderId;
			this.earnedAt = Objects.requireNonNull(earnedAt);
			this.expiresAt = expiresAt;
			this.remaining = points;
		}

		int entryNo() {
			return this.entryNo;
		}

		Instant earnedAt() {
			return this.earnedAt;
		}

		Instant expiresAt() {
			return this.expiresAt;
		}

	}

}
