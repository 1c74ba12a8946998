package dev.encore.connectors.webpush;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import dev.encore.connectors.MessageContent;

/**
 * A browser notification: the service worker shows {@code title} and {@code body} and
 * opens {@code url} on a click.
 *
 * @param icon image URL, may be null
 * @param ttl how long the push service keeps it for an offline browser
 * @param urgency RFC 8030: {@code very-low}, {@code low}, {@code normal} or {@code high}
 */
public record WebPushContent(String title, String body, String url, String icon, Duration ttl,
		String urgency) implements MessageContent {

	public static final Set<String> URGENCIES = Set.of("very-low", "low", "normal", "high");

	public WebPushContent {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(ttl, "ttl");
		if (title.isBlank()) {
			throw new IllegalArgumentException("title must not be blank");
		}
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must not be negative");
		}
		urgency = urgency == null ? "normal" : urgency;
		if (!URGENCIES.contains(urgency)) {
			throw new IllegalArgumentException("urgency is one of " + URGENCIES + ", not '" + urgency + "'");
		}
	}

}
