package dev.encore.engine.journey;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

	private final Map<String, Latest> parsedByDefinition = new ConcurrentHashMap<>();

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
			return new Latest(id, decision, model);
		}));
	}

	/**
	 * One deployed version of a decision.
	 *
	 * @param model its DMN, for readers of the table itself (the tier ladder)
	 */
	public record Latest(String definitionId, DmnDecision decision, DmnModelInstance model) {
	}

	private record Known(DeployedVersions.Stamp stamp, Map<String, Optional<Latest>> byKey) {
	}

}
