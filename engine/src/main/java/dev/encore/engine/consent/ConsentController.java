package dev.encore.engine.consent;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.event.InvalidEventException;
import dev.encore.engine.profile.Consent;
import dev.encore.engine.profile.ProfileStore;

/**
 * Support (or a preference centre behind support's login) sets a customer's consent per
 * channel. Source and time are recorded with it; the newest report per channel wins,
 * whichever way it came.
 */
@RestController
@Tag(name = "Consent")
class ConsentController {

	private final ConsentChanges changes;

	private final ProfileStore profiles;

	private final Channels channels;

	ConsentController(ConsentChanges changes, ProfileStore profiles, Channels channels) {
		this.changes = changes;
		this.profiles = profiles;
		this.channels = channels;
	}

	@Operation(summary = "Set consents per channel",
			description = "Body: {\"email\": \"revoked\", \"sms\": {\"status\": \"granted\", \"source\": \"phone call\"}}")
	@PutMapping("/api/v1/customers/{customerId}/consents")
	Map<String, Consent> update(@PathVariable String customerId, @RequestBody Map<String, Object> body,
			Principal user) {
		if (this.profiles.find(customerId).isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No customer " + customerId);
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		}
		Map<Channel, Boolean> granted = new LinkedHashMap<>();
		String source = "api:" + user.getName();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			Channel channel = channel(entry.getKey());
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> details) {
				if (details.get("source") instanceof String given && !given.isBlank()) {
					source = "api:" + user.getName() + ":" + given.strip();
				}
				value = details.get("status");
			}
			granted.put(channel, status(entry.getKey(), value));
		}
		if (granted.isEmpty()) {
			throw new InvalidEventException("consents", "must name at least one of " + consentChannels());
		}
		this.changes.apply(customerId, granted, source, this.changes.now(), null);
		return this.profiles.find(customerId).orElseThrow().consents();
	}

	/** Only channels that reach a person ask for consent (not webhooks). */
	private Channel channel(String name) {
		return this.channels.find(name)
			.filter(ChannelDescriptor::reachesPerson)
			.map(ChannelDescriptor::channel)
			.orElseThrow(
					() -> new InvalidEventException(name, "is not a channel with consent (" + consentChannels() + ")"));
	}

	private String consentChannels() {
		return String.join(", ",
				this.channels.all()
					.stream()
					.filter(ChannelDescriptor::reachesPerson)
					.map(ChannelDescriptor::id)
					.toList());
	}

	private static boolean status(String field, Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		String text = value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "granted", "true" -> true;
			case "revoked", "false" -> false;
			default -> throw new InvalidEventException(field, "must be granted or revoked");
		};
	}

}
