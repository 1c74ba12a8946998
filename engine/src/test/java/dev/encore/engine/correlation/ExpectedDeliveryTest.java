package dev.encore.engine.correlation;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a storefront's {@code expected_delivery_date} is read. */
class ExpectedDeliveryTest {

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

	@Test
	void aDateIsTheStartOfThatDayInTheShopsTimeZone() {
		assertThat(ExpectedDelivery.parse("2026-12-03", TAIPEI)).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
	}

	@Test
	void aDateTimeWithAnOffsetIsThatInstant() {
		assertThat(ExpectedDelivery.parse("2026-12-03T15:00:00+08:00", TAIPEI))
			.isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
		assertThat(ExpectedDelivery.parse("2026-12-03T07:00:00Z", TAIPEI))
			.isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
	}

	@Test
	void anythingElseLeavesTheWaitToTheJourneySetting() {
		assertThat(ExpectedDelivery.parse(null, TAIPEI)).isNull();
		assertThat(ExpectedDelivery.parse(" ", TAIPEI)).isNull();
		assertThat(ExpectedDelivery.parse("next Tuesday", TAIPEI)).isNull();
		assertThat(ExpectedDelivery.parse("2026-12-03T15:00:00", TAIPEI)).isNull();
	}

}
