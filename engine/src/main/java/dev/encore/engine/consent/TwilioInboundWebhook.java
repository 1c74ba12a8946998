package dev.encore.engine.consent;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.twilio.security.RequestValidator;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.Channel;
import dev.encore.engine.profile.ProfileStore;

/**
 * Twilio's inbound-SMS webhook: the carrier opt-out keywords withdraw the customer's SMS
 * consent, START and UNSTOP give it back. Only requests signed with the account's auth
 * token count; a replayed request (same MessageSid) changes nothing again. Twilio's
 * Advanced Opt-Out sends the confirmation text, so the answer is empty TwiML.
 */
@RestController
@Tag(name = "Webhooks")
class TwilioInboundWebhook {

	static final String PATH = "/webhooks/twilio/inbound";

	static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT",
			"CANCEL");

	static final Set<String> START = Set.of("START", "UNSTOP");

	private final WebhookProperties properties;

	private final ProfileStore profiles;

	private final ConsentChanges changes;

	TwilioInboundWebhook(WebhookProperties properties, ProfileStore profiles, ConsentChanges changes) {
		this.properties = properties;
		this.profiles = profiles;
		this.changes = changes;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> inbound(@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
			@RequestParam MultiValueMap<String, String> form) {
		if (!WebhookProperties.configured(this.properties.twilioAuthToken())) {
			return problem(HttpStatus.NOT_FOUND, "The Twilio webhook is off: set encore.webhooks.twilio-auth-token");
		}
		Map<String, String> params = new HashMap<>();
		form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
		if (signature == null || !new RequestValidator(this.properties.twilioAuthToken())
			.validate(this.properties.publicBaseUrl() + PATH, params, signature)) {
			return problem(HttpStatus.UNAUTHORIZED, "X-Twilio-Signature is missing or wrong");
		}
		String keyword = params.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
		boolean stop = STOP.contains(keyword);
		if ((stop || START.contains(keyword)) && params.get("From") != null && params.get("MessageSid") != null) {
			this.profiles.findByContact(params.get("From"))
				.ifPresent((profile) -> this.changes.apply(profile.customerId(), Map.of(Channel.SMS, !stop),
						"sms_keyword:" + keyword, this.changes.now(), "twilio:" + params.get("MessageSid")));
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body("<Response/>");
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
