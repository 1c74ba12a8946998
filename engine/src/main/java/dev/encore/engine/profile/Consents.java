package dev.encore.engine.profile;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code consents} identify trait: per channel (its consent key) either a flag
 * ({@code "sms": false}, {@code "email": "granted"}) or an object ({@code {"status":
 * "revoked", "source": "preference-center", "at": "2026-11-01T10:00:00Z"}}). The newest
 * report per channel wins, whatever order they arrive in.
 */
final class Consents {

	private Consents() {
	}

	/**
	 * The traits with only the consents of the given channels: a consent for a channel
	 * Encore does not send on is not kept.
	 */
	static Map<String, Object> ofChannels(Map<String, Object> traits, Set<String> consentKeys) {
		if (!(traits.get("consents") instanceof Map<?, ?> reported)) {
			return traits;
		}
		Map<String, Object> known = new HashMap<>();
		reported.forEach((channel, value) -> {
			if (consentKeys.contains(key(channel))) {
				known.put(String.valueOf(channel), value);
			}
		});
		Map<String, Object> filtered = new HashMap<>(traits);
		filtered.put("consents", known);
		return filtered;
	}

	static Map<String, Consent> merge(Map<String, Consent> current, Object reported, Instant reportedAt,
			String source) {
		if (!(reported instanceof Map<?, ?> channels)) {
			return current;
		}
		Map<String, Consent> merged = new HashMap<>(current);
		channels.forEach((channel, value) -> {
			Consent consent = consent(value, reportedAt, source);
			String id = key(channel);
			if (consent == null) {
				return;
			}
			Consent known = merged.get(id);
			if (known == null || !consent.at().isBefore(known.at())) {
				merged.put(id, consent);
			}
		});
		return merged;
	}

	private static String key(Object channel) {
		return String.valueOf(channel).toLowerCase(java.util.Locale.ROOT);
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
