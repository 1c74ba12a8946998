package dev.encore.engine.analytics;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The analytics pages ({@code encore.analytics.*}).
 *
 * @param minimumGroupSize customers each side of a comparison needs before a p-value is
 * reported
 */
@Validated
@ConfigurationProperties("encore.analytics")
public record AnalyticsProperties(@DefaultValue("100") @Positive long minimumGroupSize) {

}
