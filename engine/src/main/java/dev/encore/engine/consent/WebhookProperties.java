package dev.encore.engine.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provider webhooks that change consent ({@code encore.webhooks.*}). A webhook without
 * its secret is switched off (404) rather than accepting unsigned requests.
 *
 * @param publicBaseUrl the address Twilio calls, as Twilio sees it (behind a proxy it
 * differs from the request's): Twilio signs the full URL
 * @param twilioAuthToken signs Twilio's requests ({@code X-Twilio-Signature})
 * @param lineChannelSecret signs LINE's requests ({@code X-Line-Signature})
 * @param maxAge LINE events older than this are ignored (a replayed capture)
 */
@ConfigurationProperties("encore.webhooks")
record WebhookProperties(String publicBaseUrl, String twilioAuthToken, String lineChannelSecret, Duration maxAge) {

	WebhookProperties {
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
		maxAge = maxAge == null ? Duration.ofSeconds(300) : maxAge;
	}

	static boolean configured(String secret) {
		return secret != null && !secret.isBlank();
	}

}
