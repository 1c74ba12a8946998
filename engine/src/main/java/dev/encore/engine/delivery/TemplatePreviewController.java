package dev.encore.engine.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.Channel;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.referral.ReferralCodes;

/**
 * {@code POST /api/v1/templates/{id}/preview}: a template rendered as a real customer (by
 * id) or a sample profile would get it, so marketers see a missing variable before a
 * customer would.
 */
@RestController
class TemplatePreviewController {

	private final MessageTemplates templates;

	private final ProfileStore profiles;

	private final ReferralCodes referralCodes;

	TemplatePreviewController(MessageTemplates templates, ProfileStore profiles, ReferralCodes referralCodes) {
		this.templates = templates;
		this.profiles = profiles;
		this.referralCodes = referralCodes;
	}

	@PostMapping("/api/v1/templates/{id}/preview")
	Map<String, Object> preview(@PathVariable String id, @RequestBody PreviewRequest request) {
		Channel channel = Channel.fromId(request.channel() == null ? "email" : request.channel());
		Map<String, Object> customer = request.customerId() != null
				? this.profiles.find(request.customerId())
					.map(CustomerProfile::toTemplateData)
					.orElseThrow(() -> new IllegalArgumentException("customerId: no such customer"))
				: request.profile() == null ? Map.of() : request.profile();
		String locale = request.locale() != null ? request.locale() : (String) customer.get("locale");
		if (request.customerId() != null
				&& this.templates.mentions(id, channel, locale, SendMessageDelegate.REFERRAL_CODE)) {
			customer.put("referralCode",
					this.referralCodes.previewCodeFor(request.customerId(), (String) customer.get("firstName")));
		}
		Map<String, Object> data = new HashMap<>();
		data.put("customer", customer);
		Object cart = request.cart() != null ? request.cart() : customer.get("cart");
		data.put("cart", cart == null ? Map.of() : cart);
		data.put("event", request.event() == null ? Map.of() : request.event());
		data.put("settings", request.settings() == null ? Map.of() : request.settings());
		data.put("journey", request.journey() == null ? Map.of() : request.journey());
		Map<String, Object> result = new HashMap<>();
		result.put("channel", channel.id());
		if (channel == Channel.EMAIL) {
			RenderedEmail email = this.templates.renderEmail(id, locale, data);
			result.put("subject", email.subject());
			result.put("html", email.html());
			result.put("text", email.text());
		}
		else {
			MessageTemplates.RenderedText text = this.templates.renderText(id, channel, locale, data);
			result.put("text", text.text());
			result.put("fields", text.fields());
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
