package dev.encore.engine.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provider webhooks that change consent ({@code encore.webhooks.*}). A webhook without
 * its secret is switched off (404) rather than accepting unsigned requests.
 *
 * @param publicBaseUrl the address Twilio calls, as Twilio sees it (behind a proxy it
 * differs from the request's), e.g. {@code https://shop.example.com/encore}
 * ({@code ENCORE_PUBLIC_BASE_URL}): Twilio signs the full URL
 * @param twilioAuthToken signs Twilio's requests ({@code X-Twilio-Signature}) to
 * {@code POST /webhooks/twilio/inbound}, STOP/START keywords ({@code TWILIO_AUTH_TOKEN})
 * @param lineChannelSecret signs LINE's requests ({@code X-Line-Signature}) to
 * {@code POST /webhooks/line}, follow/unfollow ({@code LINE_CHANNEL_SECRET})
 * @param maxAge LINE events further than this from now are ignored (a replayed capture);
 * 300 s when not set
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
