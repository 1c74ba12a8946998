package dev.encore.engine.journey;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param location where journeys ({@code *.bpmn}, {@code *.dmn}) are read from at start
 * @param timeScale factor applied to every ISO-8601 duration setting; below 1 shortens
 * waits for a try-out
 * @param settings per journey (process id) setting overrides, e.g.
 * {@code AbandonedCart.firstReminderDelay: PT5M}
 */
@Validated
@ConfigurationProperties("encore.journeys")
public record JourneyProperties(@NotBlank String location, @Positive double timeScale,
		Map<String, Map<String, String>> settings) {

	public JourneyProperties {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
	}

}
