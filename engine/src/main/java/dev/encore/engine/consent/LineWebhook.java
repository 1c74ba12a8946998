package dev.encore.engine.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.Channel;
import dev.encore.engine.profile.ProfileStore;

/**
 * LINE's webhook: {@code unfollow} (the customer blocked the account) withdraws LINE
 * consent, {@code follow} gives it back. Only requests signed with the channel secret
 * count; an event seen before (same webhookEventId) or older than
 * {@code encore.webhooks.max-age} changes nothing.
 */
@RestController
@Tag(name = "Webhooks")
class LineWebhook {

	private static final Logger log = LoggerFactory.getLogger(LineWebhook.class);

	private final WebhookProperties properties;

	private final ProfileStore profiles;

	private final ConsentChanges changes;

	private final ObjectMapper json;

	LineWebhook(WebhookProperties properties, ProfileStore profiles, ConsentChanges changes, ObjectMapper json) {
		this.properties = properties;
		this.profiles = profiles;
		this.changes = changes;
		this.json = json;
	}

	@PostMapping("/webhooks/line")
	ResponseEntity<?> receive(@RequestHeader(name = "X-Line-Signature", required = false) String signature,
			@RequestBody byte[] body) throws GeneralSecurityException {
		String secret = this.properties.lineChannelSecret();
		if (!WebhookProperties.configured(secret)) {
			return TwilioInboundWebhook.problem(HttpStatus.NOT_FOUND,
					"The LINE webhook is off: set encore.webhooks.line-channel-secret");
		}
		if (signature == null || !MessageDigest.isEqual(signature(secret, body).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8))) {
			return TwilioInboundWebhook.problem(HttpStatus.UNAUTHORIZED, "X-Line-Signature is missing or wrong");
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(body);
		}
		catch (java.io.IOException ex) {
			return TwilioInboundWebhook.problem(HttpStatus.BAD_REQUEST, "body is not a LINE webhook payload");
		}
		Instant now = this.changes.now();
		for (JsonNode event : payload == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
				: payload.path("events")) {
			String type = event.path("type").asText();
			String userId = event.path("source").path("userId").asText(null);
			String id = event.path("webhookEventId").asText(null);
			if (!("follow".equals(type) || "unfollow".equals(type)) || userId == null || id == null) {
				continue;
			}
			Instant at = Instant.ofEpochMilli(event.path("timestamp").asLong());
			if (Duration.between(at, now).abs().compareTo(this.properties.maxAge()) > 0) {
				log.warn("Ignored LINE {} event {}: its timestamp {} is too far from now", type, id, at);
				continue;
			}
			this.profiles.findByContact(ProfileStore.LINE_CONTACT + userId)
				.ifPresent((profile) -> this.changes.apply(profile.customerId(),
						Map.of(Channel.LINE, "follow".equals(type)), "line_" + type, at, "line:" + id));
		}
		return ResponseEntity.ok(Map.of());
	}

	static String signature(String secret, byte[] body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

}
