package dev.encore.engine.acquisition;

import java.time.Instant;
import java.util.Objects;

/**
 * One way a customer arrived at the shop: the campaign (as its {@code utm_*} tags name
 * it) or, without one, what the referrer says ({@code google / organic},
 * {@code blog.example.com / referral}, {@code direct / none}).
 *
 * @param referrer the page they came from, without query or fragment
 * @param landingPage the page they arrived on, without query or fragment
 * @param at when the event that carried it happened
 */
public record Touch(String source, String medium, String campaign, String term, String content, String referrer,
		String landingPage, Instant at) {

	static final String DIRECT = "direct";

	public Touch {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(at, "at");
	}

	/** No campaign and no referrer from another site. */
	boolean direct() {
		return DIRECT.equals(this.source);
	}

	/** The same source, medium and campaign: the same touch seen again. */
	boolean sameAs(Touch other) {
		return other != null && this.source.equals(other.source) && Objects.equals(this.medium, other.medium)
				&& Objects.equals(this.campaign, other.campaign);
	}

}
