package dev.encore.engine.profile;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code consents} identify trait: per channel either a flag
 * ({@code "sms": false}, {@code "email": "granted"}) or an object ({@code {"status":
 * "revoked", "source": "preference-center", "at": "2026-11-01T10:00:00Z"}}). The newest
 * report per channel wins, whatever order they arrive in.
 */
final class Consents {

	static final Set<String> CHANNELS = Set.of("email", "sms", "line");

	private Consents() {
	}

	static Map<String, Consent> merge(Map<String, Consent> current, Object reported, Instant reportedAt,
			String source) {
		if (!(reported instanceof Map<?, ?> channels)) {
			return current;
		}
		Map<String, Consent> merged = new HashMap<>(current);
		channels.forEach((channel, value) -> {
			Consent consent = consent(value, reportedAt, source);
			String id = String.valueOf(channel).toLowerCase(java.util.Locale.ROOT);
			if (consent == null || !CHANNELS.contains(id)) {
				return;
			}
			Consent known = merged.get(id);
			if (known == null || !consent.at().isBefore(known.at())) {
				merged.put(id, consent);
			}
		});
		return merged;
	}

	private static Consent consent(Object value, Instant reportedAt, String source) {
		if (value instanceof Map<?, ?> details) {
			Boolean granted = granted(details.containsKey("status") ? details.get("status") : details.get("granted"));
			if (granted == null) {
				return null;
			}
			Object detailSource = details.get("source");
			return new Consent(granted, detailSource == null ? source : detailSource.toString(),
					instant(details.containsKey("at") ? details.get("at") : details.get("timestamp"), reportedAt));
		}
		Boolean granted = granted(value);
		return granted == null ? null : new Consent(granted, source, reportedAt);
	}

	private static Boolean granted(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value == null) {
			return null;
		}
		return switch (value.toString().toLowerCase(java.util.Locale.ROOT)) {
			case "granted", "true", "yes", "opted_in", "subscribed" -> true;
			case "revoked", "false", "no", "opted_out", "unsubscribed" -> false;
			default -> null;
		};
	}

	private static Instant instant(Object value, Instant fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			return Instant.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

}
