package dev.encore.engine.analytics;

import java.util.List;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your
 * customers the easy way"): while alive, a customer buys at a Poisson rate λ ~ Gamma(r,
 * α); after each purchase they drop out with probability p ~ Beta(a, b). Time is in
 * weeks.
 */
record BgNbd(double r, double alpha, double a, double b) {

	/**
	 * ln L of one customer (equation 6 of the paper, in logs).
	 * @param x repeat purchases
	 * @param tx time of the last purchase since the first
	 * @param t time from the first purchase to the end of observation
	 */
	double logLikelihood(double x, double tx, double t) {
		double a1 = logGamma(this.r + x) - logGamma(this.r) + this.r * Math.log(this.alpha);
		double a2 = logGamma(this.a + this.b) + logGamma(this.b + x) - logGamma(this.b) - logGamma(this.a + this.b + x);
		double a3 = -(this.r + x) * Math.log(this.alpha + t);
		if (x == 0) {
			return a1 + a2 + a3;
		}
		double a4 = Math.log(this.a) - Math.log(this.b + x - 1) - (this.r + x) * Math.log(this.alpha + tx);
		double max = Math.max(a3, a4);
		return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
	}

	/**
	 * Purchases expected in the next {@code weeks} from a customer with this history
	 * (equation 10 of the paper).
	 */
	double expectedPurchases(double weeks, double x, double tx, double t) {
		double z = weeks / (this.alpha + t + weeks);
		double hyper = hypergeometric(this.r + x, this.b + x, this.a + this.b + x - 1, z);
		double numerator = (this.a + this.b + x - 1) / (this.a - 1)
				* (1 - Math.pow((this.alpha + t) / (this.alpha + t + weeks), this.r + x) * hyper);
		double denominator = 1
				+ (x > 0 ? this.a / (this.b + x - 1) * Math.pow((this.alpha + t) / (this.alpha + tx), this.r + x) : 0);
		return numerator / denominator;
	}

	/** Gauss's 2F1(a, b; c; z) by its series, which converges for 0 ≤ z < 1. */
	static double hypergeometric(double a, double b, double c, double z) {
		double term = 1;
		double sum = 1;
		for (int j = 0; j < 100_000 && Math.abs(term) > 1e-15 * Math.abs(sum); j++) {
			term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
			sum += term;
		}
		return sum;
	}

	/** Σ ln L over customers, each history weighted by how many customers share it. */
	double logLikelihood(List<History> histories) {
		double sum = 0;
		for (History history : histories) {
			sum += history.customers() * logLikelihood(history.x(), history.tx(), history.t());
		}
		return sum;
	}

	/** The parameters that make the histories most likely. */
	static BgNbd fit(List<History> histories) {
		double[] best = MaximumLikelihood
			.maximize((parameters) -> new BgNbd(parameters[0], parameters[1], parameters[2], parameters[3])
				.logLikelihood(histories), new double[] { 1, 1, 1, 1 });
		return new BgNbd(best[0], best[1], best[2], best[3]);
	}

	/**
	 * A purchase history in the model's terms, shared by {@code customers} customers.
	 *
	 * @param x repeat purchases (purchase days after the first)
	 * @param tx weeks from the first purchase to the last
	 * @param t weeks from the first purchase to the end of observation
	 */
	record History(double x, double tx, double t, long customers) {
	}

}
