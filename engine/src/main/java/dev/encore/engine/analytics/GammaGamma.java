package dev.encore.engine.analytics;

import java.util.List;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma model of spend per order (Fader, Hardie and Lee 2005, "RFM and CLV"): a
 * customer's orders are Gamma(p, ν) around their own mean, and ν ~ Gamma(q, γ) across
 * customers; independent of how often they buy.
 */
record GammaGamma(double p, double q, double gamma) {

	/**
	 * ln f(m | x): the density of a customer's mean order value {@code m} over {@code x}
	 * orders.
	 */
	double logLikelihood(double x, double m) {
		double px = this.p * x;
		return logGamma(px + this.q) - logGamma(px) - logGamma(this.q) + this.q * Math.log(this.gamma)
				+ (px - 1) * Math.log(m) + px * Math.log(x) - (px + this.q) * Math.log(this.gamma + m * x);
	}

	/** The expected value of the customer's next orders, given what they spent so far. */
	double expectedSpend(double x, double m) {
		return (this.gamma + m * x) * this.p / (this.p * x + this.q - 1);
	}

	/** The mean order value of the population: what a customer with no history spends. */
	double populationMean() {
		return this.p * this.gamma / (this.q - 1);
	}

	double logLikelihood(List<Spend> spends) {
		double sum = 0;
		for (Spend spend : spends) {
			sum += logLikelihood(spend.orders(), spend.mean());
		}
		return sum;
	}

	/** Starts from q = 2 and γ at the mean order value, where p = 1 fits that mean. */
	static GammaGamma fit(List<Spend> spends) {
		double mean = spends.stream().mapToDouble(Spend::mean).average().orElse(1);
		double[] best = MaximumLikelihood.maximize(
				(parameters) -> new GammaGamma(parameters[0], parameters[1], parameters[2]).logLikelihood(spends),
				new double[] { 1, 2, mean });
		return new GammaGamma(best[0], best[1], best[2]);
	}

	/** One customer's orders: how many, and their mean value. */
	record Spend(double orders, double mean) {
	}

}
