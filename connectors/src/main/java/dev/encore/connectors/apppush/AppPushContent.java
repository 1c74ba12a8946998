package dev.encore.connectors.apppush;

import java.util.Objects;

import dev.encore.connectors.MessageContent;

/**
 * A notification in the shop's app: {@code title} and {@code body} shown by the phone,
 * {@code url} handed to the app (a deep link) when it is tapped.
 *
 * @param icon image URL shown with it, may be null
 */
public record AppPushContent(String title, String body, String url, String icon) implements MessageContent {

	public AppPushContent {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		if (title.isBlank()) {
			throw new IllegalArgumentException("title must not be blank");
		}
	}

}
