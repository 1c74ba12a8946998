package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.DecisionTables;

/**
 * The tier table marketers edit in {@code journeys/loyalty-tier.dmn} (decision
 * {@code LoyaltyTier}, latest deployed version): evaluated for a customer's tier, and
 * read as a {@link TierLadder} for ranks and what is missing to reach the next tier.
 */
@Component
class TierTable {

	static final String DECISION = "LoyaltyTier";

	private final DecisionTables tables;

	/** The ladder of the latest version, kept until another version is deployed. */
	private final AtomicReference<Map.Entry<String, TierLadder>> ladder = new AtomicReference<>();

	TierTable(DecisionTables tables) {
		this.tables = tables;
	}

	String tierOf(TierInputs inputs) {
		Object tier = this.tables.evaluate(DECISION, inputs.variables()).getSingleEntry();
		return String.valueOf(tier);
	}

	TierLadder ladder() {
		Optional<DecisionTables.Latest> latest = this.tables.latest(DECISION);
		if (latest.isEmpty()) {
			return TierLadder.EMPTY;
		}
		Map.Entry<String, TierLadder> known = this.ladder.get();
		if (known != null && known.getKey().equals(latest.get().definitionId())) {
			return known.getValue();
		}
		TierLadder read = read(latest.get().model());
		this.ladder.set(Map.entry(latest.get().definitionId(), read));
		return read;
	}

	static TierLadder read(DmnModelInstance model) {
		Decision decision = model.getModelElementById(DECISION);
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			return TierLadder.EMPTY;
		}
		List<String> names = new ArrayList<>();
		Map<String, BigDecimal> steps = new LinkedHashMap<>();
		for (Input input : table.getInputs()) {
			String name = input.getInputExpression().getText().getTextContent().strip();
			String type = input.getInputExpression().getTypeRef();
			names.add(name);
			steps.put(name, "double".equals(type) ? new BigDecimal("0.01") : BigDecimal.ONE);
		}
		List<TierLadder.Rule> rules = new ArrayList<>();
		for (Rule rule : table.getRules()) {
			Map<String, Bound> bounds = new LinkedHashMap<>();
			List<String> entries = rule.getInputEntries()
				.stream()
				.map((entry) -> entry.getText() == null ? "" : entry.getText().getTextContent())
				.toList();
			for (int i = 0; i < names.size() && i < entries.size(); i++) {
				bounds.put(names.get(i), Bound.parse(entries.get(i)));
			}
			String output = rule.getOutputEntries().iterator().next().getText().getTextContent().strip();
			rules.add(new TierLadder.Rule(unquoted(output), bounds));
		}
		return new TierLadder(rules, steps);
	}

	private static String unquoted(String text) {
		return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
				: text;
	}

}
