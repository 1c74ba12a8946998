package dev.encore.engine.push;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.encore.connectors.webpush.PushHosts;

/**
 * Web push: Encore's VAPID identity, from the environment only ({@code VAPID_*}); blank
 * keys send web push to the sandbox. Subscriptions are accepted either way.
 *
 * @param publicKey {@code VAPID_PUBLIC_KEY}, base64url, the storefront's
 * {@code applicationServerKey}
 * @param privateKey {@code VAPID_PRIVATE_KEY}, base64url
 * @param subject {@code VAPID_SUBJECT}: {@code mailto:} or {@code https:} contact
 * @param allowedHosts push services Encore calls; the browsers' own when empty
 * ({@link PushHosts#BROWSERS}); {@code http://host:port} allows a local stand-in
 * @param timeout of one push
 * @param ttl how long a push service keeps a notification for an offline browser, unless
 * the step's {@code ttl} says otherwise
 * @param urgency RFC 8030 urgency unless the step's {@code urgency} says otherwise
 */
@ConfigurationProperties("encore.connectors.webpush")
record WebPushProperties(String publicKey, String privateKey, String subject, List<String> allowedHosts,
		@DefaultValue("10s") Duration timeout, @DefaultValue("P1D") Duration ttl,
		@DefaultValue("normal") String urgency) {

	WebPushProperties {
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
	}

	boolean configured() {
		return this.privateKey != null && !this.privateKey.isBlank();
	}

	PushHosts hosts() {
		return new PushHosts(this.allowedHosts);
	}

}
