package dev.encore.engine.journey;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneySettingsTest {

	private static JourneySettings withScale(double scale) {
		return new JourneySettings(null, new JourneyProperties("classpath*:journeys/", scale, Map.of()));
	}

	@Test
	void timeScaleShortensDurationsOnly() {
		JourneySettings tryOut = withScale(0.001);

		assertThat(tryOut.scaled("PT1H")).isEqualTo("PT3.6S");
		assertThat(tryOut.scaled("P1D")).isEqualTo("PT1M26.4S");
		assertThat(tryOut.scaled("SAVE10")).isEqualTo("SAVE10");
		assertThat(tryOut.scaled("P1M")).isEqualTo("P1M");
	}

	@Test
	void productionScaleLeavesValuesAlone() {
		assertThat(withScale(1).scaled("PT1H")).isEqualTo("PT1H");
	}

}
