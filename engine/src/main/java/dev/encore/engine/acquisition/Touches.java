package dev.encore.engine.acquisition;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;

/**
 * Reads the touch an event carries, in Segment's places: {@code context.campaign}
 * ({@code source}, {@code medium}, {@code name}, {@code term}, {@code content}), then
 * {@code utm_*} properties, then the {@code utm_*} parameters of the page's URL
 * ({@code context.page.url} or {@code properties.url}); without a campaign the referrer
 * decides, as Google Analytics does ({@link Referrers}). Values are trimmed and cut to
 * {@code maxLength}; URLs lose their query and fragment (they may carry personal data).
 */
final class Touches {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final String[] FIELDS = { "source", "medium", "campaign", "term", "content" };

	private final Referrers referrers;

	private final int maxLength;

	Touches(AcquisitionProperties properties) {
		this.referrers = new Referrers(properties.searchEngines());
		this.maxLength = properties.maxLength();
	}

	/**
	 * The touch, or null when the event says nothing of a visit (sent by a server, made
	 * by Encore).
	 */
	Touch of(CustomerEvent event) {
		if (EventNames.INTERNAL_SOURCE.equals(event.source())) {
			return null;
		}
		Map<String, Object> page = map(event.context().get("page"));
		Map<String, Object> campaign = map(event.context().get("campaign"));
		String url = text(page.get("url"), text(event.properties().get("url"), null));
		String referrer = text(page.get("referrer"), text(event.properties().get("referrer"), null));
		Map<String, String> tags = tags(campaign, event.properties(), PageUrls.query(url));
		if (url == null && referrer == null && tags.isEmpty()) {
			return null;
		}
		String source = lower(tags.get("source"));
		String medium = lower(tags.get("medium"));
		if (source == null && tags.containsKey("gclid")) {
			source = "google";
			medium = medium == null ? "cpc" : medium;
		}
		if (source == null) {
			Referrers.Origin origin = this.referrers.of(PageUrls.host(referrer), PageUrls.host(url));
			source = origin.source();
			medium = medium == null ? origin.medium() : medium;
		}
		return new Touch(cut(source), cut(medium), cut(tags.get("campaign")), cut(tags.get("term")),
				cut(tags.get("content")), cut(PageUrls.withoutQuery(referrer)), cut(PageUrls.withoutQuery(url)),
				event.timestamp());
	}

	/** Campaign fields by priority: context, then properties, then the URL's query. */
	private static Map<String, String> tags(Map<String, Object> campaign, Map<String, Object> properties,
			Map<String, String> query) {
		Map<String, String> tags = new HashMap<>();
		for (String field : FIELDS) {
			String value = text(campaign.get(field.equals("campaign") ? "name" : field),
					text(properties.get("utm_" + field), query.get("utm_" + field)));
			if (value != null) {
				tags.put(field, value);
			}
		}
		if (query.containsKey("gclid")) {
			tags.put("gclid", query.get("gclid"));
		}
		return tags;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	/** Trimmed, without control characters (PostgreSQL refuses NUL in text). */
	private static String text(Object value, String otherwise) {
		if (value instanceof Number number) {
			return number.toString();
		}
		if (!(value instanceof String text)) {
			return otherwise;
		}
		String clean = CONTROL.matcher(text).replaceAll("").strip();
		return clean.isEmpty() ? otherwise : clean;
	}

	private static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	private String cut(String value) {
		if (value == null || value.length() <= this.maxLength) {
			return value;
		}
		// Never half a surrogate pair.
		int end = Character.isHighSurrogate(value.charAt(this.maxLength - 1)) ? this.maxLength - 1 : this.maxLength;
		return value.substring(0, end);
	}

}
