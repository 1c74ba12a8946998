package dev.encore.engine.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnRiskTest {

	private static final ProfileProperties PROPERTIES = ProfileProperties.defaults();

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static PlacedOrder order(Instant at) {
		return new PlacedOrder(at, BigDecimal.TEN, false, List.of());
	}

	private static ChurnRisk riskAt(CustomerProfile profile, Instant now) {
		return ChurnRisk.of(profile, profile.orders().stats(PROPERTIES.priceBands()), now, PROPERTIES.churn());
	}

	private static CustomerProfile ordersEvery(Duration interval, int count) {
		OrderHistory orders = OrderHistory.NONE;
		for (int i = 0; i < count; i++) {
			orders = orders.withOrder("o-" + i, order(T0.plus(interval.multipliedBy(i))));
		}
		return CustomerProfile.empty("c-1").withOrders(orders);
	}

	@Test
	void purchaseGapPastTwiceTheCustomersOwnIntervalIsASignal() {
		CustomerProfile profile = ordersEvery(Duration.ofDays(10), 3);
		Instant last = T0.plus(Duration.ofDays(20));

		assertThat(riskAt(profile, last.plus(Duration.ofDays(20))).detected()).isFalse();
		ChurnRisk risk = riskAt(profile, last.plus(Duration.ofDays(20)).plusSeconds(1));
		assertThat(risk.signals()).containsExactly("purchase-interval");
		assertThat(risk.severity()).isEqualTo("medium");
		assertThat(risk.lapsed()).isTrue();
		assertThat(riskAt(profile, last.plus(Duration.ofDays(41))).severity()).isEqualTo("high");
	}

	@Test
	void firstTimeBuyersAreMeasuredAgainstTheShopDefault() {
		CustomerProfile profile = ordersEvery(Duration.ZERO, 1);

		assertThat(riskAt(profile, T0.plus(Duration.ofDays(120))).detected()).isFalse();
		assertThat(riskAt(profile, T0.plus(Duration.ofDays(121))).signals()).containsExactly("purchase-interval");
	}

	@Test
	void silenceAfterEngagementAndHighRefundRateAreSignalsToo() {
		CustomerProfile profile = ordersEvery(Duration.ofDays(100), 2)
			.withEngagement(Engagement.NONE.withVisit(T0.plus(Duration.ofDays(100))));
		Instant now = T0.plus(Duration.ofDays(131));
		assertThat(riskAt(profile, now).signals()).containsExactly("engagement-drop");

		CustomerProfile refunding = profile.withOrders(
				profile.orders().withRefund("r-1", new Refund("o-0", BigDecimal.ONE, T0.plus(Duration.ofDays(1)))));
		ChurnRisk risk = riskAt(refunding, now);
		assertThat(risk.signals()).containsExactly("refund-rate", "engagement-drop");
		assertThat(risk.severity()).isEqualTo("high");
	}

	@Test
	void prospectsAreNeverAtRisk() {
		assertThat(riskAt(CustomerProfile.empty("c-1"), T0).detected()).isFalse();
	}

}
