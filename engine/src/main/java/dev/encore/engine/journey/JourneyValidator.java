package dev.encore.engine.journey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.journey.sandbox.CodeScan;

/**
 * Checks journeys before they are deployed, so a mistake shows up as a list of problems
 * with element ids instead of customers stuck or spammed: {@code historyTimeToLive} set;
 * no code of any kind ({@link CodeScan}: classes, scripts, calls beyond journey beans);
 * every message and signal a known event; every send task's template present in each
 * shipped locale and its inputs valid for its channel; timers and settings parse (a
 * problem with a setting's value names the setting, {@link SettingReference}), and the
 * settings fit the one variable a customer enters with; goal and holdout properties
 * valid, and the properties features above read valid by their own
 * {@link ProcessPropertyCheck}s (entry rules); uploaded templates parse and come in every
 * locale ({@link UploadedTemplates}), and a send task may name them.
 */
@Component
public class JourneyValidator {

	private final KnownEvents events;

	private final TemplateCatalog templates;

	private final DeployProperties properties;

	private final CodeScan code;

	/** The registered channel ids. */
	private final List<String> channels;

	private final Channels registry;

	private final List<ProcessPropertyCheck> propertyChecks;

	private final UploadedTemplates uploadedTemplates;

	private final JourneySettings settings;

	JourneyValidator(KnownEvents events, TemplateCatalog templates, DeployProperties properties, CodeScan code,
			Channels channels, List<ProcessPropertyCheck> propertyChecks, JourneySettings settings) {
		this.events = events;
		this.templates = templates;
		this.properties = properties;
		this.code = code;
		this.channels = channels.ids();
		this.registry = channels;
		this.propertyChecks = List.copyOf(propertyChecks);
		this.uploadedTemplates = new UploadedTemplates(templates, properties.locales(), this.channels);
		this.settings = settings;
	}

	/** Every problem of every file; empty when all may be deployed. */
	public List<JourneyProblem> validate(Map<String, byte[]> files) {
		List<JourneyProblem> problems = new ArrayList<>();
		Set<TemplateFile> uploaded = this.uploadedTemplates.check(files, problems);
		files.forEach((name, content) -> {
			if (name.endsWith(".bpmn")) {
				validateBpmn(name, content, uploaded, problems);
			}
			else if (name.endsWith(".dmn")) {
				validateDmn(name, content, problems);
			}
			else if (!TemplateFile.isTemplatePath(name)) {
				problems.add(new JourneyProblem(name, null,
						"only .bpmn, .dmn and templates/<id>/<channel>.<locale>.liquid files can be deployed"));
			}
		});
		return problems;
	}

	private void validateBpmn(String resource, byte[] content, Set<TemplateFile> uploaded,
			List<JourneyProblem> problems) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (ModelParseException ex) {
			problems.add(new JourneyProblem(resource, null, "not a valid BPMN file: " + ex.getMessage()));
			return;
		}
		Problems found = new Problems(resource, problems);
		for (Process process : model.getModelElementsByType(Process.class)) {
			checkProcess(process, found);
		}
		this.code.scan(content, false).forEach((finding) -> found.add(finding.elementId(), finding.message()));
		for (Message message : model.getModelElementsByType(Message.class)) {
			checkEventName(message.getId(), message.getName(), found);
		}
		for (Signal signal : model.getModelElementsByType(Signal.class)) {
			checkEventName(signal.getId(), signal.getName(), found);
		}
		Map<String, String> settings = settingsOf(model);
		for (SendTask task : model.getModelElementsByType(SendTask.class)) {
			checkSendTask(task, settings, uploaded, found);
		}
		Set<String> timed = new HashSet<>();
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			checkTimer(timer, settings, found).forEach((reference) -> timed.add(reference.name()));
		}
		for (Process process : model.getModelElementsByType(Process.class)) {
			checkDurationSettings(process, timed, found);
		}
	}

	private void checkProcess(Process process, Problems found) {
		String ttl = process.getCamundaHistoryTimeToLiveString();
		if (ttl == null || ttl.isBlank()) {
			found.add(process.getId(), "historyTimeToLive is not set (days to keep finished journeys, e.g. 180)");
		}
		Map<String, String> properties = JourneyModel.propertiesOf(process);
		// Separately, so a bad entry rule does not hide a bad goal: the answer lists
		// every problem.
		for (ProcessPropertyCheck check : this.propertyChecks) {
			check.problems(properties).forEach((problem) -> found.add(process.getId(), problem));
		}
		try {
			JourneyGoal.from(JourneyModel.withPrefix(properties, JourneyGoal.PREFIX))
				.ifPresent((goal) -> checkEventName(process.getId(), goal.event(), found));
		}
		catch (InvalidJourneyException ex) {
			found.add(process.getId(), ex.getMessage());
		}
		String holdout = properties.get("holdout.percent");
		if (holdout != null && !holdout.matches("\\d{1,2}|100")) {
			found.add(process.getId(), "holdout.percent must be a whole number from 0 to 100, not '" + holdout + "'");
		}
		String settingsProblem = this.settings.problem(JourneyModel.withPrefix(properties, JourneySettings.PREFIX),
				process.getId());
		if (settingsProblem != null) {
			found.add(process.getId(), settingsProblem);
		}
	}

	/**
	 * Settings that look like durations but are none; those a timer waits for are
	 * reported at the timer.
	 */
	private static void checkDurationSettings(Process process, Set<String> timed, Problems found) {
		JourneyModel.withPrefix(JourneyModel.propertiesOf(process), JourneySettings.PREFIX).forEach((name, value) -> {
			if (!timed.contains(name) && value.startsWith("P") && !IsoDurations.valid(value)) {
				SettingReference setting = new SettingReference(name, value);
				found.add(process.getId(), setting.setting(), setting.explain(notADuration(value)));
			}
		});
	}

	private void checkEventName(String elementId, String name, Problems found) {
		if (name == null || name.isBlank()) {
			found.add(elementId, "has no name: name it after the event it stands for");
		}
		else if (!this.events.contains(name)) {
			found.add(elementId, "'" + name + "' is not a known event (a typo? custom events go in"
					+ " encore.journeys.deploy.custom-events)");
		}
	}

	private void checkSendTask(SendTask task, Map<String, String> settings, Set<TemplateFile> uploaded,
			Problems found) {
		Map<String, String> inputs = JourneyModel.inputParametersOf(task);
		String channel = inputs.get("channel");
		SettingReference template = SettingReference.of(inputs.get("templateId"), settings);
		String templateId = template.value();
		Optional<ChannelDescriptor> descriptor = Optional.ofNullable(channel).flatMap(this.registry::find);
		// A channel with a message of its own (a webhook's envelope) needs no template.
		boolean ownMessage = inputs.get("templateId") == null
				&& descriptor.filter((known) -> !known.templateRequired()).isPresent();
		if (channel == null || (templateId == null && !ownMessage)) {
			found.add(task.getId(),
					"a send task needs the inputs channel and templateId (use an Encore element template)");
			return;
		}
		descriptor
			.ifPresent((known) -> known.inputProblems(inputs).forEach((problem) -> found.add(task.getId(), problem)));
		if (ownMessage) {
			return;
		}
		// A channel chosen by an expression is known only at send time: then any
		// channel's version will do here, and a missing one fails that send as a template
		// error.
		List<String> channels = channel.contains("${") ? this.channels : List.of(channel);
		for (String locale : this.properties.locales()) {
			if (channels.stream()
				.noneMatch((candidate) -> uploaded.contains(new TemplateFile(templateId, candidate, locale))
						|| this.templates.exists(templateId, candidate, locale))) {
				found.add(task.getId(), template.setting(), template
					.explain("template '" + templateId + "' has no " + channel + " version for locale " + locale));
			}
		}
	}

	/** The settings the timer reads, each checked. */
	private static List<SettingReference> checkTimer(TimerEventDefinition timer, Map<String, String> settings,
			Problems found) {
		String elementId = owningElementId(timer);
		List<SettingReference> read = new ArrayList<>();
		if (timer.getTimeDuration() != null) {
			SettingReference duration = SettingReference.of(timer.getTimeDuration().getTextContent(), settings);
			if (duration.missing()) {
				found.add(elementId, duration.setting(), "waits for ${" + duration.name()
						+ "}, which is not a journey setting (add " + duration.setting() + ")");
			}
			else if (duration.checkable() && !IsoDurations.valid(duration.value())) {
				found.add(elementId, duration.setting(), duration.explain(notADuration(duration.value())));
			}
			read.add(duration);
		}
		if (timer.getTimeDate() != null) {
			SettingReference date = SettingReference.of(timer.getTimeDate().getTextContent(), settings);
			if (date.checkable() && !IsoDurations.validDate(date.value())) {
				found.add(elementId, date.setting(), date
					.explain("'" + date.value() + "' is not an ISO-8601 date-time such as 2025-12-24T09:00:00+08:00"));
			}
			read.add(date);
		}
		return read;
	}

	private static String notADuration(String value) {
		return "'" + value + "' is not an ISO-8601 duration such as PT1H or P3D";
	}

	private static Map<String, String> settingsOf(BpmnModelInstance model) {
		Map<String, String> settings = new java.util.LinkedHashMap<>();
		for (Process process : model.getModelElementsByType(Process.class)) {
			settings.putAll(JourneyModel.withPrefix(JourneyModel.propertiesOf(process), JourneySettings.PREFIX));
		}
		return settings;
	}

	private void validateDmn(String resource, byte[] content, List<JourneyProblem> problems) {
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (ModelParseException ex) {
			problems.add(new JourneyProblem(resource, null, "not a valid DMN file: " + ex.getMessage()));
			return;
		}
		this.code.scan(content, true)
			.forEach((finding) -> problems.add(new JourneyProblem(resource, finding.elementId(), finding.message())));
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			String ttl = decision.getCamundaHistoryTimeToLiveString();
			if (ttl == null || ttl.isBlank()) {
				problems.add(new JourneyProblem(resource, decision.getId(), "historyTimeToLive is not set"));
			}
		}
	}

	/**
	 * The element a marketer clicks in Modeler and the page draws: the event a timer
	 * belongs to, not its event definition (which may carry an id of its own).
	 */
	private static String owningElementId(ModelElementInstance element) {
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			if (current instanceof FlowElement || current instanceof Process) {
				return current.getAttributeValue("id");
			}
		}
		return null;
	}

	private record Problems(String resource, List<JourneyProblem> list) {

		void add(String elementId, String message) {
			add(elementId, null, message);
		}

		void add(String elementId, String setting, String message) {
			this.list.add(new JourneyProblem(this.resource, elementId, setting, message));
		}

	}

}
