package dev.encore.engine.channel;

import java.util.Map;

/**
 * A template rendered for one customer: {@code subject} and {@code html} for
 * {@link TemplateFormat#HTML} only, {@code fields} (rendered front matter) for
 * {@link TemplateFormat#TEXT} only.
 */
public record RenderedTemplate(String subject, String html, String text, Map<String, String> fields) {

	public RenderedTemplate {
		fields = fields == null ? Map.of() : fields;
	}

}
