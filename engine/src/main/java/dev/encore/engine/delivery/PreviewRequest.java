package dev.encore.engine.delivery;

import java.util.Map;

/**
 * What to render a template for, in a preview or a test send: a real customer (by id) or
 * a sample profile, and a journey version whose settings and template version to use.
 *
 * @param channel {@code email} when absent
 * @param locale the customer's when absent
 * @param profile a sample customer (fields as templates see them), used when no
 * customerId is given
 * @param settings the journey's settings, replacing those of {@code journeyKey}
 * @param journey sample values journey steps work out (e.g. {@code reorderLink}); the
 * journey's settings when absent, as a step sees them
 * @param journeyKey the journey (process key, {@code AbandonedCart}) whose settings and
 * template version to render with; none: the newest template and no settings
 * @param journeyVersion that journey's version, its latest when absent
 */
record PreviewRequest(String channel, String locale, String customerId, Map<String, Object> profile,
		Map<String, Object> cart, Map<String, Object> event, Map<String, String> settings, Map<String, Object> journey,
		String journeyKey, Integer journeyVersion) {

}
