package dev.encore.engine.journey;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.EventNames;

/**
 * Event names a journey may start on, wait for or name as its goal: the Segment
 * e-commerce and engagement events storefronts send, Encore's internal events, and the
 * shop's own ({@code encore.journeys.deploy.custom-events}). A message name outside this
 * list is almost always a typo that would leave customers waiting forever.
 */
@Component
public class KnownEvents {

	static final Set<String> STANDARD = Set.of("Signed Up", "Product Viewed", "Product Added", "Product Removed",
			"Cart Viewed", "Checkout Started", "Order Completed", "Order Refunded", "Order Cancelled", "Email Opened",
			"Email Link Clicked", "Site Visited", "Review Submitted", "Referral Completed", "Lifecycle Stage Changed",
			"Churn Risk Detected", "Birthday Reached", "Points Redeemed", "Tier Changed", "Points Expiring",
			"Points Expired", "Membership Anniversary", "NPS Submitted", EventNames.IN_APP_MESSAGE_VIEWED);

	private final Set<String> known;

	KnownEvents(DeployProperties properties) {
		Set<String> all = new LinkedHashSet<>(STANDARD);
		all.addAll(properties.customEvents());
		this.known = Set.copyOf(all);
	}

	public boolean contains(String eventName) {
		return this.known.contains(eventName);
	}

}
