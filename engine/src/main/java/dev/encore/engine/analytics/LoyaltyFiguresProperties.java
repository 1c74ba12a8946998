package dev.encore.engine.analytics;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shop's loyalty numbers ({@code encore.analytics.loyalty.*}, docs/loyalty.md).
 *
 * @param currency the shop's currency: money figures count orders in it (or naming none);
 * orders in any other currency count for everything else
 * @param churnAfter a buyer whose latest order is older than this at the period's end has
 * churned
 * @param clvHorizon how far ahead the predicted customer value looks
 * @param minimumBuyers buyers (and, for the spend model, repeat buyers) a period needs
 * before the CLV model is fitted
 * @param cohortMonths the longest repurchase curve, in months
 */
@Validated
@ConfigurationProperties("encore.analytics.loyalty")
public record LoyaltyFiguresProperties(@DefaultValue("USD") @Pattern(regexp = "[A-Z]{3}") String currency,
		@DefaultValue("P180D") @NotNull Duration churnAfter, @DefaultValue("P365D") @NotNull Duration clvHorizon,
		@DefaultValue("20") @Positive int minimumBuyers, @DefaultValue("12") @Positive @Max(120) int cohortMonths) {

}
