package dev.encore.engine.journey.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a journey expression before it is deployed and names what the sandbox would
 * refuse when it runs ({@link AllowedCalls}): calls other than journey bean methods and
 * value methods, and anything read from {@code execution} or {@code task}, which a
 * journey may only hand to a journey bean. A marketer gets the answer at deploy time,
 * with the element, instead of an incident later.
 */
public final class ExpressionCheck {

	/** Camunda's objects a journey may pass along but not look into. */
	private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
			"variableScope");

	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private final JourneyBeanTypes journeyBeans;

	public ExpressionCheck(JourneyBeanTypes journeyBeans) {
		this.journeyBeans = journeyBeans;
	}

	/** What the sandbox would refuse in this expression; empty when it may run. */
	public List<String> problems(String expression) {
		List<String> problems = new ArrayList<>();
		try {
			List<String> calls = new ArrayList<>();
			check(PARSER.build(expression).getRoot(), problems, calls);
			if (!calls.isEmpty()) {
				// Found outermost first: named in the order they are written.
				Collections.reverse(calls);
				problems.add("calls " + String.join(", ", calls)
						+ ": journey expressions may call journey beans and a few methods of plain values, nothing else");
			}
		}
		catch (TreeBuilderException ex) {
			problems.add("'" + expression + "' is not a valid expression: " + ex.getMessage());
		}
		return problems;
	}

	/**
	 * Whether the whole expression is one call of a journey bean's method, as a service
	 * task or listener expression must be:
	 * {@code ${replenishment.prepareReminder(execution)}}.
	 */
	public boolean isJourneyBeanCall(String expression) {
		try {
			Node root = PARSER.build(expression).getRoot();
			if (!(root instanceof AstEval eval) || !(eval.getChild(0) instanceof AstMethod method)) {
				return false;
			}
			AstProperty callee = (AstProperty) method.getChild(0);
			return callee.getChild(0) instanceof AstIdentifier bean
					&& AllowedCalls.journeyBeanMethod(this.journeyBeans.type(bean.getName()), memberName(callee));
		}
		catch (TreeBuilderException ex) {
			return false;
		}
	}

	private void check(Node node, List<String> problems, List<String> calls) {
		if (node instanceof AstMethod method) {
			AstProperty callee = (AstProperty) method.getChild(0);
			checkCall(callee, problems, calls);
			check(callee.getChild(0), problems, calls);
			check(method.getChild(1), problems, calls);
			return;
		}
		if (node instanceof AstProperty property) {
			checkRead(property, problems);
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			check(node.getChild(i), problems, calls);
		}
	}

	private void checkCall(AstProperty callee, List<String> problems, List<String> calls) {
		String name = memberName(callee);
		Node target = callee.getChild(0);
		if (name == null) {
			problems.add("calls a method whose name is computed");
		}
		else if (target instanceof AstIdentifier identifier && this.journeyBeans.type(identifier.getName()) != null) {
			if (!AllowedCalls.journeyBeanMethod(this.journeyBeans.type(identifier.getName()), name)) {
				problems.add("calls " + identifier.getName() + "." + name + "(), which journey bean "
						+ identifier.getName() + " does not offer");
			}
		}
		else if (isEngineObject(target) || !AllowedCalls.VALUE_METHOD_NAMES.contains(name)) {
			calls.add(name + "()");
		}
	}

	private static void checkRead(AstProperty property, List<String> problems) {
		String name = memberName(property);
		if (isEngineObject(property.getChild(0))) {
			problems.add("reads " + ((AstIdentifier) property.getChild(0)).getName() + "."
					+ (name == null ? "[...]" : name) + ": the execution may only be passed to a journey bean");
		}
		else if ("class".equals(name)) {
			problems.add("reads .class: journey expressions cannot reach Java classes");
		}
	}

	private static boolean isEngineObject(Node node) {
		return node instanceof AstIdentifier identifier && ENGINE_OBJECTS.contains(identifier.getName());
	}

	/** The member a {@code .name} or {@code ['name']} names; null when it is computed. */
	private static String memberName(AstProperty property) {
		if (property instanceof AstDot dot) {
			return dot.toString().substring(2);
		}
		if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
			String quoted = literal.toString();
			return quoted.substring(1, quoted.length() - 1);
		}
		return null;
	}

}
