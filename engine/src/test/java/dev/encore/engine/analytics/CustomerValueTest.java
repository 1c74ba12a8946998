package dev.encore.engine.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Predicted CLV end to end, from order rows: a shop simulated from the CDNOW parameters
 * (first orders over 12 weeks, watched to week 39, then 52 weeks more), the model fitted
 * to the first part and its prediction compared with what the simulated customers then
 * spent.
 */
class CustomerValueTest {

	private static final Instant OPENING = Instant.parse("2019-01-01T12:00:00Z");

	private static final Instant END = Instant.parse("2019-10-01T00:00:00Z");

	private static final LoyaltyFiguresProperties PROPERTIES = new LoyaltyFiguresProperties("USD", Duration.ofDays(180),
			Duration.ofDays(364), 20, 12);

	@Test
	void predictedValueIsWhatTheSimulatedBuyersSpendInTheNextYear() {
		List<ShopOrder> observed = new ArrayList<>();
		double future = simulate(8_000, new Well19937c(31), observed);
		CustomerValue value = CustomerValue.of(observed, END, BigDecimal.ONE, PROPERTIES);

		assertThat(value.model()).isNotNull();
		assertThat(value.model().r()).isCloseTo(CustomerValueModelTest.CDNOW.r(), within(0.05));
		assertThat(value.model().alpha()).isCloseTo(CustomerValueModelTest.CDNOW.alpha(), within(1.2));
		double mean = value.model().p() * value.model().gamma() / (value.model().q() - 1);
		assertThat(mean).isCloseTo(CustomerValueModelTest.CDNOW_SPEND.populationMean(), within(3.5));
		assertThat(value.predicted().doubleValue()).isCloseTo(future / 8_000, within(0.15 * future / 8_000));
	}

	@Test
	void tooFewBuyersGiveNoPredictionAndSaySo() {
		List<ShopOrder> observed = new ArrayList<>();
		simulate(19, new Well19937c(37), observed);
		CustomerValue value = CustomerValue.of(observed, END, BigDecimal.TEN, PROPERTIES);
		assertThat(value.predicted()).isNull();
		assertThat(value.model()).isNull();
		assertThat(value.note()).contains("20 buyers");
		assertThat(value.historical()).isEqualTo(BigDecimal.TEN);
	}

	/**
	 * Adds the orders placed before {@link #END} to {@code observed}; the spend after it,
	 * over 52 weeks.
	 */
	private static double simulate(int customers, RandomGenerator random, List<ShopOrder> observed) {
		BgNbd purchases = CustomerValueModelTest.CDNOW;
		GammaGamma spend = CustomerValueModelTest.CDNOW_SPEND;
		GammaDistribution rates = new GammaDistribution(random, purchases.r(), 1 / purchases.alpha());
		BetaDistribution dropouts = new BetaDistribution(random, purchases.a(), purchases.b());
		GammaDistribution spenders = new GammaDistribution(random, spend.q(), 1 / spend.gamma());
		double future = 0;
		for (int i = 0; i < customers; i++) {
			String customer = "c-" + i;
			Instant first = OPENING.plus(Duration.ofDays(random.nextInt(84)));
			double weeks = Duration.between(first, END).toSeconds() / (7 * 86_400.0);
			ExponentialDistribution gaps = new ExponentialDistribution(random, 1 / rates.sample());
			GammaDistribution values = new GammaDistribution(random, spend.p(), 1 / spenders.sample());
			double p = dropouts.sample();
			observed.add(order(customer, 0, first, values.sample()));
			double at = 0;
			for (int n = 1;; n++) {
				at += gaps.sample();
				if (at > weeks + 52) {
					break;
				}
				double total = values.sample();
				if (at <= weeks) {
					observed.add(order(customer, n, first.plusSeconds((long) (at * 7 * 86_400)), total));
				}
				else {
					future += total;
				}
				if (random.nextDouble() < p) {
					break;
				}
			}
		}
		return future;
	}

	private static ShopOrder order(String customer, int n, Instant at, double total) {
		return new ShopOrder(customer, customer + "-" + n, BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP),
				null, at, BigDecimal.ZERO, false);
	}

}
