package dev.encore.engine.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CLV model (BG/NBD for purchases, Gamma-Gamma for spend): its likelihoods against
 * the closed forms worked by hand, its predictions against the values Fader, Hardie and
 * Lee publish for the CDNOW sample, and its fit against data simulated from known
 * parameters (the CDNOW estimates).
 */
class CustomerValueModelTest {

	static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

	static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44);

	@Test
	void bgNbdLikelihoodMatchesTheClosedFormWorkedByHand() {
		BgNbd ones = new BgNbd(1, 1, 1, 1);
		// x = 0, T = 1: L = B(1,1)/B(1,1) * Γ(1)·1^1 / (Γ(1)·(1+1)^1) = 1/2.
		assertThat(ones.logLikelihood(0, 0, 1)).isCloseTo(Math.log(0.5), within(1e-12));
		// x = 1, t_x = 1, T = 2: B(1,2)/B(1,1) · Γ(2)/(Γ(1)·3²) + B(2,1)/B(1,1) ·
		// Γ(2)/(Γ(1)·2²)
		// = 1/2 · 1/9 + 1/2 · 1/4 = 1/18 + 1/8 = 13/72.
		assertThat(ones.logLikelihood(1, 1, 2)).isCloseTo(Math.log(13.0 / 72), within(1e-12));
		// r = 2, α = 3, a = 2, b = 3; x = 2, t_x = 1, T = 4:
		// B(2,5)/B(2,3) = (1/30)/(1/12) = 2/5; Γ(4)·3²/(Γ(2)·7⁴) = 54/2401;
		// B(3,4)/B(2,3) = (1/60)/(1/12) = 1/5; Γ(4)·3²/(Γ(2)·4⁴) = 54/256.
		double expected = 2.0 / 5 * 54 / 2401 + 1.0 / 5 * 54 / 256;
		assertThat(new BgNbd(2, 3, 2, 3).logLikelihood(2, 1, 4)).isCloseTo(Math.log(expected), within(1e-12));
	}

	@Test
	void gammaGammaLikelihoodMatchesTheClosedFormWorkedByHand() {
		// p = q = γ = 1, x = 1, m = 1: Γ(2)/(Γ(1)Γ(1)) · 1 · 1 · 1 / (1 + 1)² = 1/4.
		assertThat(new GammaGamma(1, 1, 1).logLikelihood(1, 1)).isCloseTo(Math.log(0.25), within(1e-12));
		// p = 2, q = 3, γ = 4, x = 2, m = 5: Γ(7)/(Γ(4)Γ(3)) · 4³ · 5³ · 2⁴ / (4 + 10)⁷
		// = 60 · 64 · 125 · 16 / 105,413,504 = 7,680,000 / 105,413,504.
		assertThat(new GammaGamma(2, 3, 4).logLikelihood(2, 5)).isCloseTo(Math.log(7_680_000.0 / 105_413_504),
				within(1e-12));
	}

	@Test
	void predictionsMatchThePublishedCdnowFigures() {
		// Fader, Hardie and Lee (2005), section 5: the customer with 2 repeat purchases,
		// the
		// last at week 30.43, observed for 38.86 weeks, is expected to buy 1.226 times in
		// the next 39 weeks.
		assertThat(CDNOW.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
		// Gamma-Gamma: the population's mean spend per transaction, pγ/(q-1) = 96.5/2.74.
		assertThat(CDNOW_SPEND.populationMean()).isCloseTo(35.22, within(0.005));
		// A customer's expected spend moves from the population mean towards their own:
		// (15.44 + 2·50) · 6.25 / (6.25·2 + 3.74 - 1) = 721.5 / 15.24.
		assertThat(CDNOW_SPEND.expectedSpend(2, 50)).isCloseTo(721.5 / 15.24, within(1e-9));
	}

	@Test
	void hypergeometricSeriesMatchesAClosedForm() {
		// 2F1(1, 1; 2; z) = -ln(1 - z) / z.
		assertThat(BgNbd.hypergeometric(1, 1, 2, 0.5)).isCloseTo(-Math.log(0.5) / 0.5, within(1e-12));
	}

	@Test
	void bgNbdFitRecoversTheParametersItsDataWasSimulatedFrom() {
		BgNbd fitted = BgNbd.fit(simulatePurchases(CDNOW, 20_000, new Well19937c(23)));
		assertThat(fitted.r()).isCloseTo(CDNOW.r(), within(0.025));
		assertThat(fitted.alpha()).isCloseTo(CDNOW.alpha(), within(0.6));
		assertThat(fitted.a()).isCloseTo(CDNOW.a(), within(0.25));
		assertThat(fitted.b()).isCloseTo(CDNOW.b(), within(0.9));
	}

	@Test
	void gammaGammaFitRecoversTheParametersItsDataWasSimulatedFrom() {
		GammaGamma fitted = GammaGamma.fit(simulateSpend(CDNOW_SPEND, 10_000, new Well19937c(29)));
		assertThat(fitted.p()).isCloseTo(CDNOW_SPEND.p(), within(0.6));
		assertThat(fitted.q()).isCloseTo(CDNOW_SPEND.q(), within(0.4));
		assertThat(fitted.gamma()).isCloseTo(CDNOW_SPEND.gamma(), within(2.5));
		assertThat(fitted.populationMean()).isCloseTo(CDNOW_SPEND.populationMean(), within(1.0));
	}

	/**
	 * Customers who first bought at a random day of a 12-week window, watched until week
	 * 39 (as the CDNOW cohort); histories in whole days, as Encore builds them.
	 */
	static List<BgNbd.History> simulatePurchases(BgNbd model, int customers, RandomGenerator random) {
		GammaDistribution rates = new GammaDistribution(random, model.r(), 1 / model.alpha());
		BetaDistribution dropouts = new BetaDistribution(random, model.a(), model.b());
		Map<List<Double>, Long> histories = new HashMap<>();
		for (int i = 0; i < customers; i++) {
			double lambda = rates.sample();
			double p = dropouts.sample();
			int observedDays = 39 * 7 - random.nextInt(12 * 7);
			double t = observedDays / 7.0;
			double at = 0;
			double last = 0;
			int x = 0;
			ExponentialDistribution gaps = new ExponentialDistribution(random, 1 / lambda);
			while (true) {
				at += gaps.sample();
				if (at > t) {
					break;
				}
				x++;
				last = Math.floor(at * 7) / 7;
				if (random.nextDouble() < p) {
					break;
				}
			}
			histories.merge(List.of((double) x, last, t), 1L, Long::sum);
		}
		List<BgNbd.History> list = new ArrayList<>();
		histories.forEach((key, count) -> list.add(new BgNbd.History(key.get(0), key.get(1), key.get(2), count)));
		return list;
	}

	static List<GammaGamma.Spend> simulateSpend(GammaGamma model, int customers, RandomGenerator random) {
		GammaDistribution rates = new GammaDistribution(random, model.q(), 1 / model.gamma());
		List<GammaGamma.Spend> spends = new ArrayList<>();
		for (int i = 0; i < customers; i++) {
			double nu = rates.sample();
			GammaDistribution values = new GammaDistribution(random, model.p(), 1 / nu);
			int orders = 1 + random.nextInt(6);
			double sum = 0;
			for (int j = 0; j < orders; j++) {
				sum += values.sample();
			}
			spends.add(new GammaGamma.Spend(orders, sum / orders));
		}
		return spends;
	}

}
