package dev.encore.engine.journey;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message template file as laid out in the journeys folder:
 * {@code templates/<id>/<channel>.<locale>.liquid}.
 */
public record TemplateFile(String templateId, String channel, String locale) {

	static final String FOLDER = "templates/";

	private static final Pattern PATH = Pattern
		.compile("templates/([a-z0-9-]+)/([a-z0-9]+)\\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\.liquid");

	/** The file a path names, empty when the path is not a template's. */
	static Optional<TemplateFile> of(String path) {
		Matcher matcher = PATH.matcher(path);
		return matcher.matches() ? Optional.of(new TemplateFile(matcher.group(1), matcher.group(2), matcher.group(3)))
				: Optional.empty();
	}

	static boolean isTemplatePath(String path) {
		return path.startsWith(FOLDER);
	}

	String path() {
		return FOLDER + this.templateId + "/" + this.channel + "." + this.locale + ".liquid";
	}

	TemplateFile inLocale(String other) {
		return new TemplateFile(this.templateId, this.channel, other);
	}

}
