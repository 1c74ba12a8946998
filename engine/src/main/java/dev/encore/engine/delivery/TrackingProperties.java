package dev.encore.engine.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open and click tracking of Encore's own email ({@code encore.tracking.*}).
 *
 * @param enabled rewrite links and add the open pixel; nothing is tracked without a
 * {@code baseUrl} either
 * @param baseUrl where customers reach Encore's public endpoints, e.g.
 * {@code https://encore.shop.example.com} ({@code ENCORE_PUBLIC_BASE_URL}, as Twilio's
 * webhooks)
 * @param secret HMAC key of the link tokens ({@code ENCORE_TRACKING_SECRET}, the
 * environment only); blank = a random key per start, so links only stay valid until a
 * restart
 */
@ConfigurationProperties("encore.tracking")
record TrackingProperties(@DefaultValue("true") boolean enabled, String baseUrl, String secret) {

	TrackingProperties {
		baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
	}

	/** Whether email is tracked: switched on and with somewhere for links to point. */
	boolean active() {
		return this.enabled && !this.baseUrl.isEmpty();
	}

}
