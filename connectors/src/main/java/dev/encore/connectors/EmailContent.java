package dev.encore.connectors;

import java.util.Map;
import java.util.Objects;

/**
 * An email: subject, HTML body, plain-text alternative and extra headers (e.g.
 * {@code List-Unsubscribe}).
 */
public record EmailContent(String subject, String html, String text,
		Map<String, String> headers) implements MessageContent {

	public EmailContent {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(html, "html");
		Objects.requireNonNull(text, "text");
		headers = headers == null ? Map.of() : Map.copyOf(headers);
	}

}
