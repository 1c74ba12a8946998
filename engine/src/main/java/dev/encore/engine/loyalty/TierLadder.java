package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The tier table read as a ladder: tiers ranked in the order the table first names them
 * (hit policy FIRST: the highest tier's rules come first), and for each rule the bounds
 * it sets on each input. Tells which tier is next above a customer's and what the
 * customer lacks to reach it: of that tier's rules, the one with the fewest inputs unmet,
 * each unmet input with how far it is short ({@link Bound#shortOf}).
 */
final class TierLadder {

	/** The ladder when no table is deployed: no tiers, nothing to reach. */
	static final TierLadder EMPTY = new TierLadder(List.of(), Map.of());

	private final List<Rule> rules;

	/** Input name and its smallest step (1 for whole numbers, 0.01 for money). */
	private final Map<String, BigDecimal> inputs;

	private final List<String> tiers;

	TierLadder(List<Rule> rules, Map<String, BigDecimal> inputs) {
		this.rules = List.copyOf(rules);
		this.inputs = new LinkedHashMap<>(inputs);
		LinkedHashSet<String> ranked = new LinkedHashSet<>();
		rules.forEach((rule) -> ranked.add(rule.tier()));
		this.tiers = List.copyOf(ranked);
	}

	/** Highest first. */
	List<String> tiers() {
		return this.tiers;
	}

	/** The tier one rank above, null at the top or for a tier the table does not name. */
	String next(String tier) {
		int rank = this.tiers.indexOf(tier);
		return rank <= 0 ? null : this.tiers.get(rank - 1);
	}

	/**
	 * {@code up}, {@code down}, {@code first} (no tier before) or {@code changed} (a tier
	 * the table no longer names).
	 */
	String direction(String from, String to) {
		if (from == null) {
			return "first";
		}
		int before = this.tiers.indexOf(from);
		int after = this.tiers.indexOf(to);
		if (before < 0 || after < 0) {
			return "changed";
		}
		return after < before ? "up" : "down";
	}

	/**
	 * What the inputs lack to match a rule of {@code tier}: input name to how far it is
	 * short (positive: must rise by; negative: must fall by, as days since the last visit
	 * do with a visit); null when no rule of the tier can be read.
	 */
	Map<String, BigDecimal> missing(String tier, TierInputs values) {
		Map<String, BigDecimal> best = null;
		for (Rule rule : this.rules) {
			if (!rule.tier().equals(tier) || !rule.readable()) {
				continue;
			}
			Map<String, BigDecimal> lacking = new LinkedHashMap<>();
			rule.bounds().forEach((input, bound) -> {
				BigDecimal value = values.value(input);
				BigDecimal step = this.inputs.getOrDefault(input, BigDecimal.ONE);
				BigDecimal shortBy = value == null ? BigDecimal.ZERO : bound.shortOf(value, step);
				if (shortBy.signum() != 0) {
					// In the input's own unit: 120.00 of money, 1 purchase day.
					lacking.put(input, shortBy.setScale(step.scale(), RoundingMode.UP));
				}
			});
			if (best == null || lacking.size() < best.size()) {
				best = lacking;
			}
		}
		return best;
	}

	/** One row of the table: the tier it gives and its bound per input name. */
	record Rule(String tier, Map<String, Bound> bounds) {

		Rule {
			bounds = new LinkedHashMap<>(bounds);
		}

		boolean readable() {
			return this.bounds.values().stream().allMatch(Bound::readable);
		}

	}

}
