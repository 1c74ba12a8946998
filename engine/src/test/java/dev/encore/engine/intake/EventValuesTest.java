package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

}
