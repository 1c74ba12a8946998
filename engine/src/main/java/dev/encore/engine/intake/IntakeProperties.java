package dev.encore.engine.intake;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAttempts how often one event is tried when the customer's journeys change
 * under it (a timer firing, another node); conflicts are never returned to the caller
 * before this
 */
@Validated
@ConfigurationProperties("encore.intake")
record IntakeProperties(@Min(1) int maxAttempts) {

}
