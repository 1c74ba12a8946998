package dev.encore.engine.journey;

import java.time.temporal.Temporal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

import org.springframework.stereotype.Component;

/**
 * The rule tables marketers edit (loyalty tiers and points, RFM), latest deployed
 * version, evaluated in memory by the engine's own DMN engine (the same FEEL, the same
 * sandbox): the decision service would look the latest version up in the database on
 * every evaluation, and tiers are evaluated on every visit. Parsed once per deployed
 * version; the latest version per key is looked up again only when
 * {@link DeployedVersions} says something was deployed or deleted. No decision history is
 * written either way (history level {@code activity}).
 */
@Component
public class DecisionTables {

	private final RepositoryService repository;

	private final DmnEngine dmn;

	private final CommandExecutor commands;

	private final ProcessEngineConfigurationImpl configuration;

	private final DeployedVersions deployments;

	/**
	 * FEEL's functions of the clock: a table using them may answer differently tomorrow.
	 */
	private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

	private final Map<String, Latest> parsedByDefinition = new ConcurrentHashMap<>();

	private final Map<Question, DmnDecisionResult> answers = Collections.synchronizedMap(new Answers());

	private volatile Known known = new Known(null, new ConcurrentHashMap<>());

	DecisionTables(ProcessEngine engine, DeployedVersions deployments) {
		this.repository = engine.getRepositoryService();
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		this.configuration = configuration;
		this.dmn = configuration.getDmnEngine();
		this.commands = configuration.getCommandExecutorTxRequired();
		this.deployments = deployments;
	}

	/**
	 * Evaluates the latest version of decision {@code key} (with the decisions it
	 * requires).
	 * @throws NotFoundException when no such decision is deployed
	 */
	public DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
		Latest latest = latest(key)
			.orElseThrow(() -> new NotFoundException("No decision with key '" + key + "' is deployed"));
		Object inputs = latest.timeless() ? Answers.question(latest, variables) : null;
		if (inputs == null) {
			return evaluate(latest, variables);
		}
		Question question = new Question(latest.definitionId(), inputs);
		DmnDecisionResult known = this.answers.get(question);
		if (known != null) {
			return known;
		}
		// Evaluated outside the lock: two threads may work out the same answer once each.
		DmnDecisionResult answer = evaluate(latest, variables);
		this.answers.put(question, answer);
		return answer;
	}

	private DmnDecisionResult evaluate(Latest latest, Map<String, Object> variables) {
		// Outside a command, but the engine's evaluation listeners read its configuration
		// (history level, metrics) from the context.
		Context.setProcessEngineConfiguration(this.configuration);
		try {
			return this.dmn.evaluateDecision(latest.decision(), Variables.fromMap(variables));
		}
		finally {
			Context.removeProcessEngineConfiguration();
		}
	}

	/** The latest deployed version of decision {@code key}, empty when there is none. */
	public Optional<Latest> latest(String key) {
		DeployedVersions.Stamp stamp = this.deployments.stamp();
		Known current = this.known;
		if (!stamp.equals(current.stamp())) {
			current = new Known(stamp, new ConcurrentHashMap<>());
			this.known = current;
		}
		return current.byKey().computeIfAbsent(key, this::find);
	}

	private Optional<Latest> find(String key) {
		DecisionDefinition definition = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			return Optional.empty();
		}
		return Optional.of(this.parsedByDefinition.computeIfAbsent(definition.getId(), (id) -> {
			DmnModelInstance model = this.repository.getDmnModelInstance(id);
			// Parsed in a command: the engine's DMN transform reads its configuration
			// there.
			DmnDecision decision = this.commands.execute((context) -> this.dmn.parseDecisions(model))
				.stream()
				.filter((parsed) -> key.equals(parsed.getKey()))
				.findFirst()
				.orElseThrow();
			return new Latest(id, decision, model, !CLOCK.matcher(Dmn.convertToString(model)).find(),
					NumericCells.of(model, key));
		}));
	}

	/**
	 * One deployed version of a decision.
	 *
	 * @param model its DMN, for readers of the table itself (the tier ladder)
	 * @param timeless without FEEL's clock functions: the same inputs always get the same
	 * answer
	 * @param cells present when the answer depends only on the cell the inputs fall in
	 */
	public record Latest(String definitionId, DmnDecision decision, DmnModelInstance model, boolean timeless,
			Optional<NumericCells> cells) {
	}

	/**
	 * One evaluation's inputs: a version of a table and the values it was asked about (or
	 * the cell they fall in).
	 */
	private record Question(String definitionId, Object inputs) {
	}

	/**
	 * The answers of recent evaluations. A deployed table never changes and, without
	 * FEEL's clock functions, answers the same inputs the same way, so the same question
	 * is answered once: most customers ask the tier table the same thing (no orders, a
	 * visit today), and its FEEL evaluation was a third of the stream's CPU (JFR). A
	 * table of {@link NumericCells} is asked per cell, so customers with different spends
	 * ask it the same question too (its FEEL was still 30% of the journey-events burst's
	 * listener CPU per value). Least recently used answers go first. The results are
	 * shared: callers only read them.
	 */
	private static final class Answers extends LinkedHashMap<Question, DmnDecisionResult> {

		private static final int SIZE = 10_000;

		Answers() {
			super(256, 0.75f, true);
		}

		/**
		 * What to remember the answer by: the inputs' cell, else the inputs when they are
		 * plain values (equal inputs are equal questions), else null: not remembered.
		 */
		static Object question(Latest latest, Map<String, Object> variables) {
			String cell = latest.cells().map((cells) -> cells.cellOf(variables)).orElse(null);
			if (cell != null) {
				return cell;
			}
			boolean plain = variables.values()
				.stream()
				.allMatch((value) -> value instanceof String || value instanceof Number || value instanceof Boolean
						|| value instanceof Temporal);
			return plain ? Map.copyOf(variables) : null;
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<Question, DmnDecisionResult> eldest) {
			return size() > SIZE;
		}

	}

	private record Known(DeployedVersions.Stamp stamp, Map<String, Optional<Latest>> byKey) {
	}

}
