package dev.encore.engine.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultLocale the template locale used when a customer's locale has none
 * @param email sender identity of marketing email
 * @param sandbox the recorder used for channels with no provider configured
 * @param unknownPolicy what a rerun does with an email or SMS whose earlier attempt may
 * have reached the provider: {@code skip} (default, never twice) or {@code resend} (never
 * zero)
 * @param unsubscribe where the one-click unsubscribe links of marketing email point
 */
@Validated
@ConfigurationProperties("encore.delivery")
record DeliveryProperties(@NotBlank String defaultLocale, @Valid @NotNull Email email, @Valid @NotNull Sandbox sandbox,
		@DefaultValue("skip") UnknownPolicy unknownPolicy, @DefaultValue Unsubscribe unsubscribe) {

	record Email(@NotBlank String from, String fromName) {
	}

	record Sandbox(@Min(1) int capacity) {
	}

	/**
	 * @param baseUrl HTTPS endpoint receiving {@code ?c=<customer>&ch=<channel>&s=<sig>}
	 * @param secret HMAC key of the signature (environment only); blank = a random key
	 * per start, so links only stay valid until a restart
	 */
	record Unsubscribe(@DefaultValue("https://shop.example.com/encore/unsubscribe") String baseUrl, String secret) {
	}

	enum UnknownPolicy {

		SKIP, RESEND

	}

}
