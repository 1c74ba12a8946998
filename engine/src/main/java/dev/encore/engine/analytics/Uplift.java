package dev.encore.engine.analytics;

/**
 * Did the journey (or a branch) convert more than its comparison group? Two-proportion
 * z-test with pooled variance, two-sided. Below the minimum group size the answer is "not
 * enough data", never a p-value that looks meaningful.
 *
 * @param absolute treated rate minus control rate
 * @param relative absolute / control rate (null when the control converted nobody)
 * @param pValue null when either group is below the minimum size
 */
public record Uplift(Group control, Group treated, double absolute, Double relative, Double zScore, Double pValue,
		String verdict) {

	/** One side of the comparison. */
	public record Group(String name, long size, long conversions) {

		public double rate() {
			return this.size == 0 ? 0 : (double) this.conversions / this.size;
		}

	}

	public static Uplift of(Group control, Group treated, long minimumGroupSize) {
		double absolute = treated.rate() - control.rate();
		Double relative = control.rate() == 0 ? null : absolute / control.rate();
		if (control.size() < minimumGroupSize || treated.size() < minimumGroupSize) {
			return new Uplift(control, treated, absolute, relative, null, null,
					"not enough data (at least " + minimumGroupSize + " per group)");
		}
		double pooled = (double) (control.conversions() + treated.conversions()) / (control.size() + treated.size());
		double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.size() + 1.0 / treated.size()));
		if (standardError == 0) {
			return new Uplift(control, treated, absolute, relative, null, null, "no difference (no variance)");
		}
		double z = absolute / standardError;
		double p = 2 * (1 - standardNormal(Math.abs(z)));
		return new Uplift(control, treated, absolute, relative, z, p,
				p < 0.05 ? "significant at 5%" : "not significant at 5%");
	}

	/** Φ(x) via the error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
	static double standardNormal(double x) {
		double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
		double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
		double erf = 1 - poly * Math.exp(-(x * x) / 2);
		return 0.5 * (1 + Math.copySign(erf, x));
	}

}
