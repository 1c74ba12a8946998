package dev.encore.connectors.line;

import java.net.URI;
import java.time.Duration;

/**
 * A LINE Official Account's Messaging API channel.
 *
 * @param channelAccessToken long-lived channel access token
 * @param baseUrl Messaging API root ({@code https://api.line.me}); tests point it
 * elsewhere
 * @param timeout connect and read timeout of one request
 */
public record LineSettings(String channelAccessToken, URI baseUrl, Duration timeout) {

	public static final URI LINE_API = URI.create("https://api.line.me");

	public LineSettings {
		if (channelAccessToken == null || channelAccessToken.isBlank()) {
			throw new IllegalArgumentException("channelAccessToken is required");
		}
		baseUrl = baseUrl == null ? LINE_API : baseUrl;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

}
