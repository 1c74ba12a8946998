package dev.encore.connectors.webhook;

import java.net.URI;
import java.util.Objects;

import dev.encore.connectors.MessageContent;

/** The JSON document a webhook step posts; the address is the message's recipient. */
public record WebhookContent(String json) implements MessageContent {

	public WebhookContent {
		Objects.requireNonNull(json, "json");
	}

	/** The recipient as a URL, or null when it is not an absolute http(s) URL. */
	static URI url(String recipient) {
		try {
			URI url = URI.create(recipient.strip());
			boolean http = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
			return (http && url.getHost() != null) ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
