package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.event.EventValues;

import static org.assertj.core.api.Assertions.assertThat;

class EventValuesTest {

	@Test
	void readsJsonNumbersAndNumericText() {
		assertThat(EventValues.decimal(49.9)).isEqualByComparingTo("49.9");
		assertThat(EventValues.decimal(3)).isEqualByComparingTo("3");
		assertThat(EventValues.decimal(" 12.50 ")).isEqualByComparingTo(new BigDecimal("12.5"));
	}

	@Test
	void anythingElseIsNoNumber() {
		assertThat(EventValues.decimal(null)).isNull();
		assertThat(EventValues.decimal("")).isNull();
		assertThat(EventValues.decimal("12 USD")).isNull();
		assertThat(EventValues.decimal(Double.NaN)).isNull();
		assertThat(EventValues.decimal(true)).isNull();
		assertThat(EventValues.decimal(Map.of("amount", 5))).isNull();
	}

	@Test
	void roundsBeyondTwentyPlacesSoSumsStayCheap() {
		assertThat(EventValues.decimal("1e-999999999")).isEqualByComparingTo("0");
		assertThat(EventValues.decimal("0.1234567890123456789012345")).isEqualByComparingTo("0.12345678901234567890");
		assertThat(EventValues.decimal(49.9).add(EventValues.decimal("1e-999999999"))).isEqualByComparingTo("49.9");
	}

	@Test
	void nanAndInfinityAreNonFiniteInAnySpelling() {
		assertThat(EventValues.nonFinite(Double.NaN)).isTrue();
		assertThat(EventValues.nonFinite(Double.POSITIVE_INFINITY)).isTrue();
		assertThat(EventValues.nonFinite(Float.NEGATIVE_INFINITY)).isTrue();
		assertThat(EventValues.nonFinite("NaN")).isTrue();
		assertThat(EventValues.nonFinite(" -Infinity ")).isTrue();
		assertThat(EventValues.nonFinite("+inf")).isTrue();
		assertThat(EventValues.nonFinite(1e300)).isFalse();
		assertThat(EventValues.nonFinite("1e400")).isFalse();
		assertThat(EventValues.nonFinite("12 USD")).isFalse();
		assertThat(EventValues.nonFinite(null)).isFalse();
	}

}
