package dev.encore.engine.loyalty;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a tier gives besides points, for the storefront to honour (none of it is a
 * discount Encore applies): {@code encore.loyalty.perks.<tier>.*}.
 *
 * @param freeShippingThreshold order value from which shipping is free ({@code 0}: every
 * order; unset: no free shipping)
 * @param earlyAccessHours how long before everyone else the customer may shop a new
 * collection or sale ({@code 0}: no early access)
 * @param birthdayGiftPoints points given on the customer's birthday ({@code Birthday
 * Reached}; {@code 0}: none)
 */
public record Perks(@DecimalMin("0") BigDecimal freeShippingThreshold, @DefaultValue("0") @Min(0) int earlyAccessHours,
		@DefaultValue("0") @Min(0) int birthdayGiftPoints) {

	/** A tier nobody configured perks for. */
	public static final Perks NONE = new Perks(null, 0, 0);

}
