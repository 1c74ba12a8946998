package dev.encore.engine.journey;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Journeys deployed over the API ({@code POST /api/v1/journeys}).
 *
 * @param token bearer token a caller must present ({@code ENCORE_DEPLOY_TOKEN}); blank
 * switches the API off (deploying a journey runs code in the engine, so it is never open
 * by default)
 * @param locales every send task needs a template in each of these locales (en and zh-TW
 * when not set)
 * @param customEvents event names the shop sends beyond the Segment e-commerce spec and
 * Encore's own, so journeys may wait for them
 */
@Validated
@ConfigurationProperties("encore.journeys.deploy")
public record DeployProperties(String token, List<String> locales, List<String> customEvents) {

	public DeployProperties {
		token = token == null ? "" : token;
		locales = locales == null || locales.isEmpty() ? List.of("en", "zh-TW") : List.copyOf(locales);
		customEvents = customEvents == null ? List.of() : List.copyOf(customEvents);
	}

}
