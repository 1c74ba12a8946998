package dev.encore.engine.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in a customer's on-site inbox, as the storefront shows it.
 *
 * @param url where its button leads, may be null
 * @param image an image shown with it, may be null
 * @param journey the journey and {@code step} that sent it, reported back when it is seen
 */
public record InboxMessage(String id, String title, String body, String url, String image, String journey, String step,
		Instant sentAt, Instant expiresAt, boolean seen) {

	public InboxMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(sentAt, "sentAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	boolean expiredAt(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	InboxMessage markedSeen() {
		return new InboxMessage(this.id, this.title, this.body, this.url, this.image, this.journey, this.step,
				this.sentAt, this.expiresAt, true);
	}

}
