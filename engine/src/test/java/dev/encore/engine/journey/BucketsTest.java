package dev.encore.engine.journey;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsTest {

	@Test
	void sameCustomerJourneyAndSplitAlwaysGetTheSamePlace() {
		for (int i = 0; i < 100; i++) {
			assertThat(Buckets.of("c-" + i, "AbandonedCart", "holdout"))
				.isEqualTo(Buckets.of("c-" + i, "AbandonedCart", "holdout"))
				.isBetween(0, 99);
		}
	}

	@Test
	void placesSpreadEvenlyOverTheHundredBuckets() {
		long underTwenty = IntStream.range(0, 20_000)
			.filter((i) -> Buckets.of("c-" + i, "AbandonedCart", "holdout") < 20)
			.count();
		assertThat(underTwenty).isBetween(3_700L, 4_300L);
	}

	@Test
	void differentSplitsOfOneJourneyAreIndependent() {
		long bothUnderHalf = IntStream.range(0, 20_000)
			.filter((i) -> Buckets.of("c-" + i, "J", "GatewayA") < 50 && Buckets.of("c-" + i, "J", "GatewayB") < 50)
			.count();
		assertThat(bothUnderHalf).isBetween(4_600L, 5_400L);
	}

}
