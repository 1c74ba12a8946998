package dev.encore.engine.journey;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Which message templates the journeys folder holds:
 * {@code templates/<id>/<channel>.<locale>.liquid} under
 * {@code encore.journeys.location}.
 */
@Component
public class TemplateCatalog {

	private final ResourceLoader resources;

	private final String base;

	public TemplateCatalog(ResourceLoader resources, JourneyProperties journeys) {
		this.resources = resources;
		String location = journeys.location().replace("classpath*:", "classpath:");
		this.base = (location.endsWith("/") ? location : location + "/") + "templates/";
	}

	boolean exists(String templateId, String channel, String locale) {
		return templateId.matches("[a-z0-9-]+") && resource(templateId, channel, locale).exists();
	}

	/** The file of one template, channel and locale (it may not exist). */
	public Resource resource(String templateId, String channel, String locale) {
		return this.resources.getResource(this.base + templateId + "/" + channel + "." + locale + ".liquid");
	}

}
