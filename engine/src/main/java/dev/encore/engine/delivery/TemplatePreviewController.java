package dev.encore.engine.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.TemplateFormat;

/**
 * {@code POST /api/v1/templates/{id}/preview}: a template rendered as a real customer (by
 * id) or a sample profile would get it from a journey version (its settings and its
 * template version), so marketers see a missing variable before a customer would.
 */
@RestController
@Tag(name = "Templates")
class TemplatePreviewController {

	private final TemplatePreviews previews;

	TemplatePreviewController(TemplatePreviews previews) {
		this.previews = previews;
	}

	@PostMapping("/api/v1/templates/{id}/preview")
	Map<String, Object> preview(@PathVariable String id, @RequestBody PreviewRequest request) {
		TemplatePreviews.Preview preview = this.previews.render(id, request);
		RenderedTemplate rendered = preview.rendered();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("channel", preview.channel().id());
		result.put("locale", preview.locale());
		result.put("templateVersion", preview.templateVersion());
		if (preview.journey() != null) {
			result.put("journey", Map.of("key", preview.journey().key(), "version", preview.journey().version(),
					"settings", preview.journey().settings()));
		}
		if (preview.channel().templateFormat() == TemplateFormat.HTML) {
			result.put("subject", rendered.subject());
			result.put("html", rendered.html());
		}
		else {
			result.put("fields", rendered.fields());
		}
		result.put("text", rendered.text());
		return result;
	}

}
