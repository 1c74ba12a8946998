package dev.encore.engine.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultLocale the template locale used when a customer's locale has none
 * @param email sender identity of marketing email
 * @param sandbox the recorder used for channels with no provider configured
 */
@Validated
@ConfigurationProperties("encore.delivery")
record DeliveryProperties(@NotBlank String defaultLocale, @Valid @NotNull Email email,
		@Valid @NotNull Sandbox sandbox) {

	record Email(@NotBlank String from, String fromName) {
	}

	record Sandbox(@Min(1) int capacity) {
	}

}
