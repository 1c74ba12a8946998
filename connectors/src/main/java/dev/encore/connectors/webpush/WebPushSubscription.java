package dev.encore.connectors.webpush;

import java.net.URI;

/**
 * A browser's push subscription ({@code PushSubscription.toJSON()}): where to push and
 * the keys to encrypt for it.
 *
 * @param endpoint the push service's URL for this browser
 * @param p256dh the browser's P-256 public key, base64url
 * @param auth the browser's 16-byte authentication secret, base64url
 */
public record WebPushSubscription(String endpoint, String p256dh, String auth) {

	public WebPushSubscription {
		requireText(endpoint, "endpoint");
		requireText(p256dh, "keys.p256dh");
		requireText(auth, "keys.auth");
	}

	public URI uri() {
		return URI.create(this.endpoint);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
