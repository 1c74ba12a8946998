package dev.encore.connectors.email;

import java.util.Objects;

/**
 * How marketing email leaves the shop.
 *
 * @param from sender address, e.g. {@code shop@example.com}
 * @param fromName display name shown in inboxes, may be null
 */
public record EmailSettings(String from, String fromName) {

	public EmailSettings {
		Objects.requireNonNull(from, "from");
		if (!from.contains("@")) {
			throw new IllegalArgumentException("from must be an email address");
		}
	}

	/** The domain that Message-IDs are minted under. */
	String domain() {
		return this.from.substring(this.from.indexOf('@') + 1);
	}

}
