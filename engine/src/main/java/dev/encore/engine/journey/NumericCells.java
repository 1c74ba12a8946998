package dev.encore.engine.journey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * A rule table in which every input is a number named as is ({@code netSpend}), every
 * input entry compares it with constants ({@code -}, {@code >= 500}, {@code < 30},
 * {@code 3}, {@code [1..5]}) and every output is a constant: the answer depends only on
 * which side of (or on) each constant each input falls. Two questions in the same cell of
 * that grid get the same answer from FEEL, so the answer is remembered per cell, not per
 * value: the loyalty tier table asked about a thousand customers' net spends evaluates
 * its FEEL a few dozen times. FEEL still gives every answer; a table with anything else
 * (a function, a list, text, an output computed from the inputs, another decision
 * required) has no cells and is evaluated as before.
 */
final class NumericCells {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";

	private static final Pattern COMPARISON = Pattern.compile("(?:>=|>|<=|<|=)?\\s*" + NUMBER);

	private static final Pattern RANGE = Pattern
		.compile("[\\[(\\]]\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*[\\])\\[]");

	private static final Pattern CONSTANT = Pattern.compile("\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?|true|false|null|");

	private final List<Axis> axes;

	private NumericCells(List<Axis> axes) {
		this.axes = axes;
	}

	/**
	 * One input: its variable, whether FEEL takes it as a whole number, its constants.
	 */
	private record Axis(String name, boolean whole, BigDecimal[] constants) {
	}

	/** The cells of decision {@code key}, empty when its table is not of that kind. */
	static Optional<NumericCells> of(DmnModelInstance model, String key) {
		if (model.getDefinitions().getExpressionLanguage() != null
				&& !model.getDefinitions().getExpressionLanguage().toLowerCase().contains("feel")) {
			return Optional.empty();
		}
		Decision decision = model.getModelElementById(key);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)
				|| !decision.getInformationRequirements().isEmpty()) {
			return Optional.empty();
		}
		List<Input> inputs = List.copyOf(table.getInputs());
		List<String> names = new ArrayList<>();
		List<Boolean> whole = new ArrayList<>();
		List<TreeSet<BigDecimal>> constants = new ArrayList<>();
		for (Input input : inputs) {
			String type = input.getInputExpression().getTypeRef();
			String name = (input.getInputExpression().getText() == null) ? ""
					: input.getInputExpression().getText().getTextContent().strip();
			boolean integer = "integer".equals(type) || "long".equals(type);
			if (input.getInputExpression().getExpressionLanguage() != null || !NAME.matcher(name).matches()
					|| !(integer || "double".equals(type))) {
				return Optional.empty();
			}
			names.add(name);
			whole.add(integer);
			constants.add(new TreeSet<>(BigDecimal::compareTo));
		}
		for (Rule rule : table.getRules()) {
			List<InputEntry> entries = List.copyOf(rule.getInputEntries());
			for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
				if (!constants(entries.get(i), constants.get(i))) {
					return Optional.empty();
				}
			}
			for (OutputEntry output : rule.getOutputEntries()) {
				String text = (output.getText() == null) ? "" : output.getText().getTextContent().strip();
				if (output.getExpressionLanguage() != null || !CONSTANT.matcher(text).matches()) {
					return Optional.empty();
				}
			}
		}
		List<Axis> axes = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			axes.add(new Axis(names.get(i), whole.get(i), constants.get(i).toArray(BigDecimal[]::new)));
		}
		return Optional.of(new NumericCells(List.copyOf(axes)));
	}

	/** Adds the constants an entry compares with; false when it is not such an entry. */
	private static boolean constants(UnaryTests entry, TreeSet<BigDecimal> into) {
		String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
		if (entry.getExpressionLanguage() != null) {
			return false;
		}
		if (text.isEmpty() || text.equals("-")) {
			return true;
		}
		Matcher comparison = COMPARISON.matcher(text);
		if (comparison.matches()) {
			into.add(new BigDecimal(comparison.group(1)));
			return true;
		}
		Matcher range = RANGE.matcher(text);
		if (range.matches()) {
			into.add(new BigDecimal(range.group(1)));
			into.add(new BigDecimal(range.group(2)));
			return true;
		}
		return false;
	}

	/**
	 * The cell these inputs fall in (for each constant: below, on or above it), or null
	 * when an input is missing or not a number FEEL would take as it is.
	 */
	String cellOf(Map<String, Object> variables) {
		StringBuilder cell = new StringBuilder();
		for (Axis axis : this.axes) {
			BigDecimal value = number(variables.get(axis.name()), axis.whole());
			if (value == null) {
				return null;
			}
			for (BigDecimal constant : axis.constants()) {
				cell.append("<=>".charAt(value.compareTo(constant) + 1));
			}
			cell.append('|');
		}
		return cell.toString();
	}

	private static BigDecimal number(Object value, boolean whole) {
		// FEEL's value mapper takes no Byte: such an input is evaluated (and refused).
		boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short;
		if (!integral && (whole || !(value instanceof Double || value instanceof Float))) {
			return null;
		}
		Number number = (Number) value;
		if (whole) {
			// FEEL's whole-number types refuse what an int cannot hold: evaluate those.
			long exact = number.longValue();
			return (exact >= Integer.MIN_VALUE && exact <= Integer.MAX_VALUE) ? BigDecimal.valueOf(exact) : null;
		}
		// As the double type and FEEL read it: a double, in its shortest decimal form.
		double decimal = number.doubleValue();
		return Double.isFinite(decimal) ? BigDecimal.valueOf(decimal) : null;
	}

}
