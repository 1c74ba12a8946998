package dev.encore.engine.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Personal referral codes ({@code ADA-7K3Q9PXM}) for templates that show
 * {@code customer.referralCode} ({@code encore.referrals.*}); see docs/decisions/014.
 *
 * @param secret HMAC key that makes codes unguessable from customer ids
 * ({@code ENCORE_REFERRALS_SECRET}); blank = random per start (codes already given out
 * keep working: they are stored)
 * @param codeLength characters after the name prefix, from an alphabet without
 * look-alikes (31^codeLength codes per prefix)
 */
@Validated
@ConfigurationProperties("encore.referrals")
public record ReferralProperties(@DefaultValue("") String secret, @DefaultValue("8") @Min(6) @Max(16) int codeLength) {

}
