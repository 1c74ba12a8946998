package dev.encore.connectors.onsite;

import java.time.Instant;
import java.util.Objects;

import dev.encore.connectors.MessageContent;

/**
 * A message for the customer's on-site inbox, which the storefront shows on their next
 * visit until it expires.
 *
 * @param url where the message's button leads, may be null
 * @param imageUrl an image shown with it, may be null
 * @param journey the journey that sent it, reported back when the customer sees it
 * @param step the journey's send step
 */
public record InboxContent(String title, String body, String url, String imageUrl, Instant expiresAt, String journey,
		String step) implements MessageContent {

	public InboxContent {
		requireText(title, "title");
		requireText(body, "body");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
