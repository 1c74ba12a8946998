package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lots from ledger rows, by hand: debits spend the lots that expire first, a refund its
 * own order's lot first, and expiry takes what is left of lots past their date.
 */
class PointLotsTest {

	private static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");

	private static final Instant FEB = Instant.parse("2026-02-10T10:00:00Z");

	private static final Instant MAR = Instant.parse("2026-03-10T10:00:00Z");

	private final List<PointsLedger.Entry> rows = new ArrayList<>();

	@Test
	void redemptionsSpendTheOldestPointsFirst() {
		earn("o-1", 100, JAN);
		earn("o-2", 50, FEB);
		debit("redeem", null, 120);

		PointLots lots = PointLots.of(this.rows);

		assertThat(lots.balance()).isEqualTo(30);
		// January's 100 are gone; 30 of February's 50 are left, expiring a year on.
		assertThat(lots.expiredBy(JAN.plusSeconds(365L * 86400))).isZero();
		assertThat(lots.expiredBy(FEB.plusSeconds(365L * 86400))).isEqualTo(30);
		assertThat(lots.next(JAN)).isEqualTo(new PointLots.Expiring(30, FEB.plusSeconds(365L * 86400)));
	}

	@Test
	void aRefundTakesBackItsOwnOrdersPointsFirst() {
		earn("o-1", 100, JAN);
		earn("o-2", 50, FEB);
		debit("refund", "o-2", 50);

		PointLots lots = PointLots.of(this.rows);

		// January's lot is untouched: it still expires first, all 100 of it.
		assertThat(lots.balance()).isEqualTo(100);
		assertThat(lots.next(JAN)).isEqualTo(new PointLots.Expiring(100, JAN.plusSeconds(365L * 86400)));
	}

	@Test
	void expiryTakesWhatIsLeftOfLotsPastTheirDateAndNothingElse() {
		earn("o-1", 100, JAN);
		earn("o-2", 50, FEB);
		earn("o-3", 70, MAR);
		debit("redeem", null, 30);
		Instant afterFebruarysExpiry = FEB.plusSeconds(365L * 86400 + 1);

		PointLots lots = PointLots.of(this.rows);
		assertThat(lots.expiredBy(afterFebruarysExpiry)).isEqualTo(70 + 50);
		debit("expire", null, 120);

		PointLots after = PointLots.of(this.rows);
		assertThat(after.balance()).isEqualTo(70);
		assertThat(after.expiredBy(afterFebruarysExpiry)).isZero();
		assertThat(after.expiringBy(afterFebruarysExpiry, MAR.plusSeconds(365L * 86400))).isEqualTo(70);
		assertThat(after.next(MAR.plusSeconds(365L * 86400))).isNull();
	}

	private void earn(String orderId, long points, Instant at) {
		add(points, "earn", orderId, at, at.plusSeconds(365L * 86400));
	}

	private void debit(String reason, String orderId, long points) {
		add(-points, reason, orderId, MAR, null);
	}

	private void add(long delta, String reason, String orderId, Instant at, Instant expiresAt) {
		long balance = (this.rows.isEmpty() ? 0 : this.rows.get(this.rows.size() - 1).balanceAfter()) + delta;
		int entryNo = this.rows.size() + 1;
		this.rows.add(new PointsLedger.Entry(entryNo, delta, balance, reason, orderId, "e-" + entryNo, BigDecimal.TEN,
				at, expiresAt, at, reason + ":" + entryNo, null));
	}

}
