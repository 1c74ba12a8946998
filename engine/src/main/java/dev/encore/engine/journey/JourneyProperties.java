package dev.encore.engine.journey;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Journeys and their settings ({@code encore.journeys.*}); each default is written here
 * once.
 *
 * @param location where journeys ({@code *.bpmn}, {@code *.dmn}) are read from at start;
 * a {@code file:} location lets a marketer's edits deploy on restart
 * @param timeScale factor applied to every ISO-8601 duration setting of every journey:
 * 0.001 turns 1 hour into 3.6 seconds for a try-out; leave 1 in production
 * @param settings per journey (process id) setting overrides, e.g.
 * {@code AbandonedCart.firstReminderDelay: PT5M}
 * @param defaultTimeZone the zone of customers whose profile has none, for waits until a
 * local time of day (UTC when not set)
 */
@Validated
@ConfigurationProperties("encore.journeys")
public record JourneyProperties(@DefaultValue("classpath*:journeys/") @NotBlank String location,
		@DefaultValue("1") @Positive double timeScale, Map<String, Map<String, String>> settings,
		ZoneId defaultTimeZone) {

	@ConstructorBinding
	public JourneyProperties {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
		defaultTimeZone = defaultTimeZone == null ? ZoneOffset.UTC : defaultTimeZone;
	}

	public JourneyProperties(String location, double timeScale, Map<String, Map<String, String>> settings) {
		this(location, timeScale, settings, null);
	}

}
