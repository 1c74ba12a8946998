package dev.encore.engine.journey;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * @param location where journeys ({@code *.bpmn}, {@code *.dmn}) are read from at start
 * @param timeScale factor applied to every ISO-8601 duration setting; below 1 shortens
 * waits for a try-out
 * @param settings per journey (process id) setting overrides, e.g.
 * {@code AbandonedCart.firstReminderDelay: PT5M}
 * @param defaultTimeZone the zone of customers whose profile has none, for waits until a
 * local time of day
 * @param triggerRefresh how long a node answers "which journeys does this event start"
 * from memory; its own deploys take effect at once, another node's within this time
 */
@Validated
@ConfigurationProperties("encore.journeys")
public record JourneyProperties(@NotBlank String location, @Positive double timeScale,
		Map<String, Map<String, String>> settings, ZoneId defaultTimeZone, Duration triggerRefresh) {

	@ConstructorBinding
	public JourneyProperties {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
		defaultTimeZone = defaultTimeZone == null ? ZoneOffset.UTC : defaultTimeZone;
		triggerRefresh = triggerRefresh == null ? Duration.ofSeconds(10) : triggerRefresh;
	}

	public JourneyProperties(String location, double timeScale, Map<String, Map<String, String>> settings) {
		this(location, timeScale, settings, null, null);
	}

}
