package dev.encore.connectors.webpush;

import java.time.Duration;
import java.util.List;

/**
 * The application server's VAPID identity (RFC 8292) and where it may push.
 *
 * @param publicKey uncompressed P-256 public key, base64url (the
 * {@code applicationServerKey} the storefront subscribes with)
 * @param privateKey the matching private key, base64url
 * @param subject a {@code mailto:} or {@code https:} contact the push service may use
 * @param allowedHosts push services that may be called, {@link PushHosts#BROWSERS} when
 * empty
 * @param timeout connect and answer timeout of one push
 */
public record WebPushSettings(String publicKey, String privateKey, String subject, List<String> allowedHosts,
		Duration timeout) {

	public WebPushSettings {
		require(publicKey, "publicKey");
		require(privateKey, "privateKey");
		require(subject, "subject");
		if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
			throw new IllegalArgumentException("subject is a mailto: or https: URL (RFC 8292)");
		}
		allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

	public PushHosts hosts() {
		return new PushHosts(this.allowedHosts);
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

}
