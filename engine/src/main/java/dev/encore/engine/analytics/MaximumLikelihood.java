package dev.encore.engine.analytics;

import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximizes a log-likelihood over positive parameters with Nelder-Mead (no gradients
 * needed), searching their logarithms so that every step stays positive. Restarts from
 * the best point until it stops improving, as one simplex can stall on a ridge.
 */
final class MaximumLikelihood {

	private static final int RESTARTS = 5;

	private MaximumLikelihood() {
	}

	static double[] maximize(ToDoubleFunction<double[]> logLikelihood, double[] start) {
		MultivariateFunction objective = (logs) -> {
			double value = logLikelihood.applyAsDouble(exp(logs));
			return Double.isFinite(value) ? value : -Double.MAX_VALUE;
		};
		double[] point = new double[start.length];
		for (int i = 0; i < start.length; i++) {
			point[i] = Math.log(start[i]);
		}
		double best = Double.NEGATIVE_INFINITY;
		for (int restart = 0; restart < RESTARTS; restart++) {
			PointValuePair optimum = new SimplexOptimizer(1e-12, 1e-10).optimize(new MaxEval(20_000),
					new MaxIter(20_000), new ObjectiveFunction(objective), GoalType.MAXIMIZE, new InitialGuess(point),
					new NelderMeadSimplex(start.length));
			point = optimum.getPoint();
			if (optimum.getValue() - best < 1e-9) {
				break;
			}
			best = optimum.getValue();
		}
		return exp(point);
	}

	private static double[] exp(double[] logs) {
		double[] values = new double[logs.length];
		for (int i = 0; i < logs.length; i++) {
			values[i] = Math.exp(logs[i]);
		}
		return values;
	}

}
