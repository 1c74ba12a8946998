package dev.encore.connectors;

import java.util.Objects;

/** A text message; long texts are split into segments by the provider. */
public record SmsContent(String text) implements MessageContent {

	public SmsContent {
		Objects.requireNonNull(text, "text");
		if (text.isBlank()) {
			throw new IllegalArgumentException("text must not be blank");
		}
	}

}
