package dev.encore.engine.intake;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.encore.engine.event.InvalidEventException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventAmountsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			total    | 1e16                  | properties.total must be less than 1000000000000000 in magnitude
			total    | 1000000000000000      | properties.total must be less than 1000000000000000 in magnitude
			total    | 999999999999999.99995 | properties.total must be less than 1000000000000000 in magnitude
			total    | 1e400                 | properties.total must be less than 1000000000000000 in magnitude
			revenue  | NaN                   | properties.revenue must be a finite number
			amount   | Infinity              | properties.amount must be a finite number
			value    | -Infinity             | properties.value must be a finite number
			value    | -1e15                 | properties.value must be less than 1000000000000000 in magnitude
			total    | -0.01                 | properties.total must not be negative
			revenue  | -5                    | properties.revenue must not be negative
			amount   | -49.90                | properties.amount must not be negative
			""")
	void amountsEncoreCannotHoldAreRefusedNamingTheField(String field, String value, String problem) {
		assertThatThrownBy(() -> EventAmounts.check(Map.of(field, value))).isInstanceOf(InvalidEventException.class)
			.hasMessage(problem);
	}

	@Test
	void doublesThatOverflowOrAreNotNumbersAreRefused() {
		assertThatThrownBy(() -> EventAmounts.check(Map.of("total", Double.POSITIVE_INFINITY)))
			.hasMessage("properties.total must be a finite number");
		assertThatThrownBy(() -> EventAmounts.check(Map.of("total", 1e16)))
			.hasMessage("properties.total must be less than 1000000000000000 in magnitude");
		assertThatThrownBy(() -> EventAmounts.check(Map.of("total", new BigDecimal("1e400"))))
			.hasMessage("properties.total must be less than 1000000000000000 in magnitude");
	}

	@Test
	void productPricesAndQuantitiesAreNamedByIndex() {
		Map<String, Object> fine = Map.of("price", 49.9, "quantity", 1);
		assertThatThrownBy(() -> EventAmounts.check(Map.of("products", List.of(fine, Map.of("price", -1)))))
			.hasMessage("properties.products[1].price must not be negative");
		assertThatThrownBy(() -> EventAmounts.check(Map.of("products", List.of(Map.of("quantity", "NaN")))))
			.hasMessage("properties.products[0].quantity must be a finite number");
		assertThatThrownBy(() -> EventAmounts.check(Map.of("products", List.of(fine, Map.of("price", 2e15)))))
			.hasMessage("properties.products[1].price must be less than 1000000000000000 in magnitude");
		assertThatThrownBy(() -> EventAmounts
			.check(Map.of("products", List.of(Map.of("price", 1e14, "quantity", 10), Map.of("price", 1)))))
			.hasMessage("properties.products add up to 1000000000000000 or more (price × quantity)");
	}

	@Test
	void everyDayAmountsAndTheLargestStorableOnePass() {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("total", "999999999999999.9999");
		order.put("revenue", 0);
		order.put("amount", " 12.50 ");
		order.put("value", -20);
		order.put("discount", -5);
		order.put("products", List.of(Map.of("price", 49.9, "quantity", 2), "not a product", Map.of("name", "gift")));
		assertThatCode(() -> EventAmounts.check(order)).doesNotThrowAnyException();
	}

	@Test
	void textThatIsNoNumberStaysIgnoredAsBefore() {
		assertThatCode(() -> EventAmounts.check(Map.of("total", "49,90 EUR", "revenue", "", "products", "none")))
			.doesNotThrowAnyException();
	}

}
