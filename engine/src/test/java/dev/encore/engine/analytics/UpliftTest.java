package dev.encore.engine.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UpliftTest {

	@Test
	void twoProportionZTestOnKnownNumbers() {
		// 10% vs 13% over 1,000 each: z = 2.1027, two-sided p = 0.0355 (scipy/R agree).
		Uplift uplift = Uplift.of(new Uplift.Group("holdout", 1000, 100), new Uplift.Group("journey", 1000, 130), 100);
		assertThat(uplift.absolute()).isCloseTo(0.03, within(1e-12));
		assertThat(uplift.relative()).isCloseTo(0.30, within(1e-12));
		assertThat(uplift.zScore()).isCloseTo(2.102741, within(1e-5));
		assertThat(uplift.pValue()).isCloseTo(0.035488, within(1e-5));
		assertThat(uplift.verdict()).isEqualTo("significant at 5%");
	}

	@Test
	void unequalGroupsWithoutARealDifference() {
		Uplift uplift = Uplift.of(new Uplift.Group("A", 200, 20), new Uplift.Group("B", 5000, 600), 100);
		assertThat(uplift.zScore()).isCloseTo(0.855861, within(1e-5));
		assertThat(uplift.pValue()).isCloseTo(0.392075, within(1e-5));
		assertThat(uplift.verdict()).isEqualTo("not significant at 5%");
	}

	@Test
	void smallGroupsGiveNoPValue() {
		Uplift uplift = Uplift.of(new Uplift.Group("holdout", 99, 1), new Uplift.Group("journey", 5000, 900), 100);
		assertThat(uplift.pValue()).isNull();
		assertThat(uplift.verdict()).startsWith("not enough data");
		assertThat(uplift.absolute()).isCloseTo(0.18 - 1.0 / 99, within(1e-12));
	}

}
