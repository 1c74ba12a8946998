package dev.encore.engine.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The churn early-warning signals a customer shows now, strongest first:
 * {@code purchase-interval} (no order for {@code intervalFactor} × their own average
 * interval, or the first-order default), {@code refund-rate}, {@code engagement-drop} (no
 * open, click or visit for {@code engagementSilence}). Severity is {@code high} with two
 * signals or more, or when the purchase gap is twice the alarm level; else
 * {@code medium}.
 */
public record ChurnRisk(List<String> signals, String severity) {

	public static final ChurnRisk NONE = new ChurnRisk(List.of(), null);

	public static ChurnRisk of(CustomerProfile profile, OrderStats stats, Instant now, ProfileProperties.Churn rules) {
		if (stats.orderCount() == 0) {
			return NONE;
		}
		List<String> signals = new ArrayList<>();
		Duration expected = stats.averageInterval() != null ? stats.averageInterval() : rules.firstOrderInterval();
		Duration alarm = Duration.ofMillis((long) (expected.toMillis() * rules.intervalFactor()));
		Duration since = Duration.between(stats.lastOrderAt(), now);
		if (since.compareTo(alarm) > 0) {
			signals.add("purchase-interval");
		}
		if (profile.orders().orders().size() >= rules.refundMinOrders() && stats.refundRate() >= rules.refundRate()) {
			signals.add("refund-rate");
		}
		Instant engaged = profile.engagement().lastAt();
		if (engaged != null && Duration.between(engaged, now).compareTo(rules.engagementSilence()) > 0) {
			signals.add("engagement-drop");
		}
		if (signals.isEmpty()) {
			return NONE;
		}
		boolean high = signals.size() > 1 || since.compareTo(alarm.multipliedBy(2)) > 0;
		return new ChurnRisk(List.copyOf(signals), high ? "high" : "medium");
	}

	public boolean detected() {
		return !this.signals.isEmpty();
	}

	/** The purchase gap alone: what the profile's {@code lapsed} flag shows. */
	public boolean lapsed() {
		return this.signals.contains("purchase-interval");
	}

}
