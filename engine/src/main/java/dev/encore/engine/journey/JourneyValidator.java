package dev.encore.engine.journey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
 * shipped locale and its inputs valid for its channel; timers and settings parse, and the
 * settings fit the one variable a customer enters with; goal and holdout properties
 * valid, and the properties features above read valid by their own
 * {@link ProcessPropertyCheck}s (entry rules); uploaded templates parse and come in every
 * locale ({@link UploadedTemplates}), and a send task may name them.
 */
@Component
public class JourneyValidator {

	private static final Pattern SETTING_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

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
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			checkTimer(timer, settings, found);
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
		properties.forEach((name, value) -> {
			if (name.startsWith(JourneySettings.PREFIX) && value.startsWith("P") && !IsoDurations.valid(value)) {
				found.add(process.getId(), name + " is not an ISO-8601 duration: '" + value + "'");
			}
		});
		String settingsProblem = this.settings.problem(JourneyModel.withPrefix(properties, JourneySettings.PREFIX),
				process.getId());
		if (settingsProblem != null) {
			found.add(process.getId(), settingsProblem);
		}
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
		String templateId = resolve(inputs.get("templateId"), settings);
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
				found.add(task.getId(),
						"template '" + templateId + "' has no " + channel + " version for locale " + locale);
			}
		}
	}

	private void checkTimer(TimerEventDefinition timer, Map<String, String> settings, Problems found) {
		String elementId = owningElementId(timer);
		if (timer.getTimeDuration() != null) {
			String duration = resolve(timer.getTimeDuration().getTextContent(), settings);
			if (duration == null) {
				found.add(elementId, "waits for " + timer.getTimeDuration().getTextContent().strip()
						+ ", which is not a journey setting (add setting." + settingName(timer) + ")");
			}
			else if (!duration.contains("${") && !IsoDurations.valid(duration)) {
				found.add(elementId, "'" + duration + "' is not an ISO-8601 duration such as PT1H or P3D");
			}
		}
		if (timer.getTimeDate() != null) {
			String date = resolve(timer.getTimeDate().getTextContent(), settings);
			if (date != null && !date.contains("${") && !IsoDurations.validDate(date)) {
				found.add(elementId, "'" + date + "' is not an ISO-8601 date-time");
			}
		}
	}

	private static String settingName(TimerEventDefinition timer) {
		Matcher reference = SETTING_REFERENCE.matcher(timer.getTimeDuration().getTextContent().strip());
		return reference.matches() ? reference.group(1) : "...";
	}

	/**
	 * A literal, or the value of the journey setting a {@code ${name}} refers to; null
	 * for a {@code ${name}} that is no setting. Other expressions are left as they are.
	 */
	private static String resolve(String value, Map<String, String> settings) {
		if (value == null) {
			return null;
		}
		Matcher reference = SETTING_REFERENCE.matcher(value.strip());
		if (reference.matches()) {
			return settings.get(reference.group(1));
		}
		return value.strip();
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

	/** The nearest ancestor with an id: the element a marketer clicks in Modeler. */
	private static String owningElementId(ModelElementInstance element) {
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			String id = current.getAttributeValue("id");
			if (id != null) {
				return id;
			}
		}
		return null;
	}

	private record Problems(String resource, List<JourneyProblem> list) {

		void add(String elementId, String message) {
			this.list.add(new JourneyProblem(this.resource, elementId, message));
		}

	}

}
