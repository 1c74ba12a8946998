package dev.encore.connectors.apppush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Firebase project's service account, which Firebase Cloud Messaging HTTP v1 accepts.
 *
 * @param serviceAccount the service-account JSON itself, or the path of its file
 * @param baseUrl FCM's root ({@code https://fcm.googleapis.com}); tests point it
 * elsewhere
 * @param timeout connect and read timeout of one request
 */
public record FcmSettings(String serviceAccount, URI baseUrl, Duration timeout) {

	public static final URI FCM = URI.create("https://fcm.googleapis.com");

	public FcmSettings {
		if (serviceAccount == null || serviceAccount.isBlank()) {
			throw new IllegalArgumentException("serviceAccount is required");
		}
		baseUrl = baseUrl == null ? FCM : baseUrl;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

	/** The service-account JSON, read from its file when a path was given. */
	public byte[] serviceAccountJson() {
		String value = this.serviceAccount.strip();
		if (value.startsWith("{")) {
			return value.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Files.readAllBytes(Path.of(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the FCM service account file", ex);
		}
	}

}
