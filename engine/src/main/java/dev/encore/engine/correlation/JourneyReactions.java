package dev.encore.engine.correlation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.encore.engine.journey.DeployedVersions;
import dev.encore.engine.journey.JourneyGoal;
import dev.encore.engine.journey.JourneyModel;

/**
 * What the deployed journeys can react to, decided when they are deployed: the events
 * that start one (signal start events of the latest versions), the messages any version
 * waits on (catch and boundary events, event subprocesses, receive tasks: older versions
 * still hold customers) and the goal events. An event outside all three never reaches the
 * engine: it updates the profile and the event history only.
 * <p>
 * Kept in memory and checked against the deployments table in every transaction that uses
 * it (one small query), so a journey deployed on another node counts from the next event
 * here too; reread only when a deployment was added or removed.
 */
@Component
public class JourneyReactions {

	private final RepositoryService repository;

	private final JourneyModel model;

	private final JdbcTemplate jdbc;

	private final String startsSql;

	/** Deployed definitions never change: what each waits on is read once. */
	private final Map<String, Set<String>> awaitedByDefinition = new ConcurrentHashMap<>();

	private final DeployedVersions deployments;

	private volatile Index known;

	JourneyReactions(RepositoryService repository, JourneyModel model, JdbcTemplate jdbc, ManagementService management,
			DeployedVersions deployments) {
		this.deployments = deployments;
		this.repository = repository;
		this.model = model;
		this.jdbc = jdbc;
		this.startsSql = "SELECT EVENT_NAME_, CONFIGURATION_ FROM "
				+ management.getTableName(EventSubscriptionEntity.class)
				+ " WHERE EVENT_TYPE_ = 'signal' AND EXECUTION_ID_ IS NULL";
	}

	/**
	 * What the journeys deployed now react to. Call it inside the transaction that acts
	 * on the answer.
	 */
	public Index current() {
		DeployedVersions.Stamp stamp = this.deployments.stamp();
		Index cached = this.known;
		if (cached != null && cached.stamp.equals(stamp)) {
			return cached;
		}
		// Read after the stamp: a deploy finishing meanwhile shows as a newer stamp next
		// time.
		Index loaded = load(stamp);
		this.known = loaded;
		return loaded;
	}

	private Index load(DeployedVersions.Stamp stamp) {
		Map<String, List<String>> starts = new LinkedHashMap<>();
		this.jdbc.query(this.startsSql, (row) -> {
			List<String> definitions = starts.computeIfAbsent(row.getString(1), (name) -> new ArrayList<>());
			if (!definitions.contains(row.getString(2))) {
				definitions.add(row.getString(2));
			}
		});
		Set<String> awaited = new HashSet<>();
		Set<String> goals = new HashSet<>();
		for (ProcessDefinition definition : this.repository.createProcessDefinitionQuery().list()) {
			awaited.addAll(this.awaitedByDefinition.computeIfAbsent(definition.getId(), this::awaitedBy));
			JourneyGoal.from(this.model.withPrefix(definition.getId(), JourneyGoal.PREFIX))
				.ifPresent((goal) -> goals.add(goal.event()));
		}
		starts.replaceAll((name, definitions) -> List.copyOf(definitions));
		return new Index(stamp, Map.copyOf(starts), Set.copyOf(awaited), Set.copyOf(goals));
	}

	private Set<String> awaitedBy(String definitionId) {
		var bpmn = this.repository.getBpmnModelInstance(definitionId);
		Set<String> names = new HashSet<>();
		for (MessageEventDefinition definition : bpmn.getModelElementsByType(MessageEventDefinition.class)) {
			addName(names, definition.getMessage());
		}
		for (ReceiveTask task : bpmn.getModelElementsByType(ReceiveTask.class)) {
			addName(names, task.getMessage());
		}
		return Set.copyOf(names);
	}

	private static void addName(Set<String> names, Message message) {
		if (message != null && message.getName() != null) {
			names.add(message.getName());
		}
	}

	/** One answer of {@link JourneyReactions#current()}. */
	public static final class Index {

		private final DeployedVersions.Stamp stamp;

		private final Map<String, List<String>> starts;

		private final Set<String> awaited;

		private final Set<String> goals;

		private Index(DeployedVersions.Stamp stamp, Map<String, List<String>> starts, Set<String> awaited,
				Set<String> goals) {
			this.stamp = stamp;
			this.starts = starts;
			this.awaited = awaited;
			this.goals = goals;
		}

		/** The latest versions of the journeys the named event starts. */
		List<String> started(String eventName) {
			return this.starts.getOrDefault(eventName, List.of());
		}

		/** Whether some journey version waits on a message of this name. */
		boolean awaited(String eventName) {
			return this.awaited.contains(eventName);
		}

		/** Whether the event is some journey's goal. */
		boolean goal(String eventName) {
			return this.goals.contains(eventName);
		}

		/** Whether any journey starts, waits on or counts the named event. */
		public boolean reactsTo(String eventName) {
			return eventName != null && (this.starts.containsKey(eventName) || awaited(eventName) || goal(eventName));
		}

	}

}
