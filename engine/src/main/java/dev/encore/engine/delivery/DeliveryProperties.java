package dev.encore.engine.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages go out ({@code encore.delivery.*}); each default is written here once.
 *
 * @param defaultLocale the template locale used when a customer's locale has none
 * @param email sender identity of marketing email
 * @param sandbox the recorder used for channels with no provider configured
 * @param unknownPolicy what a rerun does with an email or SMS whose earlier attempt may
 * have reached the provider: {@code skip} (never twice) or {@code resend} (never zero)
 * @param unsubscribe where the one-click unsubscribe links of marketing email point
 */
@Validated
@ConfigurationProperties("encore.delivery")
record DeliveryProperties(@DefaultValue("en") @NotBlank String defaultLocale, @DefaultValue @Valid @NotNull Email email,
		@DefaultValue @Valid @NotNull Sandbox sandbox, @DefaultValue("skip") UnknownPolicy unknownPolicy,
		@DefaultValue Unsubscribe unsubscribe) {

	/**
	 * @param from sender address of email
	 * @param fromName sender name shown with it
	 */
	record Email(@DefaultValue("shop@example.com") @NotBlank String from,
			@DefaultValue("Encore Shop") String fromName) {
	}

	/**
	 * @param capacity messages the sandbox keeps (the oldest go first)
	 */
	record Sandbox(@DefaultValue("10000") @Min(1) int capacity) {
	}

	/**
	 * @param baseUrl HTTPS endpoint receiving {@code ?c=<customer>&ch=<channel>&s=<sig>}
	 * ({@code ENCORE_UNSUBSCRIBE_BASE_URL}); blank =
	 * {@code https://shop.example.com/encore/unsubscribe}
	 * @param secret HMAC key of the signature ({@code ENCORE_UNSUBSCRIBE_SECRET}, the
	 * environment only); blank = a random key per start, so links only stay valid until a
	 * restart
	 */
	record Unsubscribe(String baseUrl, String secret) {

		Unsubscribe {
			// Blank too: application.yml maps an unset ENCORE_UNSUBSCRIBE_BASE_URL to "".
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://shop.example.com/encore/unsubscribe" : baseUrl;
		}

	}

	enum UnknownPolicy {

		SKIP, RESEND

	}

}
