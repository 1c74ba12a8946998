package dev.encore.engine.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.channel.TemplateFormat;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * {@code POST /api/v1/templates/{id}/preview}: a template rendered as a real customer (by
 * id) or a sample profile would get it, so marketers see a missing variable before a
 * customer would.
 */
@RestController
@Tag(name = "Templates")
class TemplatePreviewController {

	private final MessageTemplates templates;

	private final TemplateData templateData;

	private final ProfileStore profiles;

	private final Channels channels;

	TemplatePreviewController(MessageTemplates templates, TemplateData templateData, ProfileStore profiles,
			Channels channels) {
		this.templates = templates;
		this.templateData = templateData;
		this.profiles = profiles;
		this.channels = channels;
	}

	@PostMapping("/api/v1/templates/{id}/preview")
	Map<String, Object> preview(@PathVariable String id, @RequestBody PreviewRequest request) {
		ChannelDescriptor channel = this.channels.get(request.channel() == null ? "email" : request.channel());
		Map<String, Object> customer = request.customerId() != null
				? this.profiles.find(request.customerId())
					.map(CustomerProfile::toTemplateData)
					.orElseThrow(() -> new IllegalArgumentException("customerId: no such customer"))
				: request.profile() == null ? Map.of() : request.profile();
		String locale = request.locale() != null ? request.locale() : (String) customer.get("locale");
		Map<String, Object> data = this.templateData.forPreview(id, channel.channel(), locale, customer, request);
		RenderedTemplate rendered = this.templates.render(channel, id, locale, data);
		Map<String, Object> result = new HashMap<>();
		result.put("channel", channel.id());
		if (channel.templateFormat() == TemplateFormat.HTML) {
			result.put("subject", rendered.subject());
			result.put("html", rendered.html());
			result.put("text", rendered.text());
		}
		else {
			result.put("text", rendered.text());
			result.put("fields", rendered.fields());
		}
		return result;
	}

	@ExceptionHandler(TemplateRenderException.class)
	ProblemDetail renderFailed(TemplateRenderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Template cannot be rendered");
		if (ex.getCause() instanceof MissingVariableException missing) {
			problem.setProperty("errors", List.of(Map.of("field", missing.variable(), "message", "missing variable")));
		}
		return problem;
	}

	@ExceptionHandler(TemplateNotFoundException.class)
	ProblemDetail notFound(TemplateNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		String field = ex.getMessage() != null && ex.getMessage().startsWith("customerId") ? "customerId" : "channel";
		problem.setProperty("errors", List.of(Map.of("field", field, "message", ex.getMessage())));
		return problem;
	}

	/**
	 * @param profile a sample customer (fields as templates see them), used when no
	 * customerId is given
	 * @param journey sample values journey steps work out (e.g. {@code reorderLink})
	 */
	record PreviewRequest(String channel, String locale, String customerId, Map<String, Object> profile,
			Map<String, Object> cart, Map<String, Object> event, Map<String, String> settings,
			Map<String, Object> journey) {
	}

}
