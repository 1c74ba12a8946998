package dev.encore.engine.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Where a message template's text comes from (decision 030): the version deployed with
 * the customer's journey version, else the newest deployed one, else the journeys folder
 * ({@code templates/<id>/<channel>.<locale>.liquid} under
 * {@code encore.journeys.location}).
 */
@Component
public class TemplateCatalog {

	private final ResourceLoader resources;

	private final String base;

	private final StoredTemplates stored;

	/** The folder's files never change while Encore runs. */
	private final Map<String, Optional<String>> folder = new ConcurrentHashMap<>();

	@Autowired
	TemplateCatalog(ResourceLoader resources, JourneyProperties journeys, TemplateVersions stored) {
		this(resources, journeys, (StoredTemplates) stored);
	}

	/** Only the journeys folder, nothing deployed (unit tests). */
	public TemplateCatalog(ResourceLoader resources, JourneyProperties journeys) {
		this(resources, journeys, StoredTemplates.NONE);
	}

	private TemplateCatalog(ResourceLoader resources, JourneyProperties journeys, StoredTemplates stored) {
		this.resources = resources;
		this.stored = stored;
		String location = journeys.location().replace("classpath*:", "classpath:");
		this.base = (location.endsWith("/") ? location : location + "/") + TemplateFile.FOLDER;
	}

	boolean exists(String templateId, String channel, String locale) {
		return templateId.matches("[a-z0-9-]+") && find(null, templateId, channel, locale).isPresent();
	}

	/**
	 * The template a journey version deployed as {@code deploymentId} (null: none in
	 * particular) sends.
	 */
	public Optional<TemplateSource> find(String deploymentId, String templateId, String channel, String locale) {
		TemplateFile file = new TemplateFile(templateId, channel, locale);
		Optional<TemplateSource> deployed = (deploymentId == null) ? Optional.empty()
				: this.stored.inDeployment(deploymentId, file);
		return deployed.or(() -> this.stored.newest(file))
			.or(() -> fromFolder(file).map((source) -> new TemplateSource(TemplateSource.CLASSPATH, source)));
	}

	private Optional<String> fromFolder(TemplateFile file) {
		return this.folder.computeIfAbsent(file.path(),
				(path) -> read(this.resources.getResource(this.base + path.substring(TemplateFile.FOLDER.length()))));
	}

	private static Optional<String> read(Resource resource) {
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read template " + resource, ex);
		}
	}

}
