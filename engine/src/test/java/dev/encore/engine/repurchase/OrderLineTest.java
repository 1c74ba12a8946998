package dev.encore.engine.repurchase;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLineTest {

	@Test
	void readsSkuElseProductIdQuantityAndUsage() {
		List<OrderLine> lines = OrderLine
			.of(Map.of("products", List.of(Map.of("sku", "COF-1", "product_id", "p-1", "quantity", 2, "usage_days", 15),
					Map.of("product_id", "p-2", "usage_period", "PT36H"), Map.of("sku", "MUG-1", "price", "12.5"))));

		assertThat(lines).extracting(OrderLine::id).containsExactly("COF-1", "p-2", "MUG-1");
		assertThat(lines).extracting(OrderLine::quantity).containsExactly(2, 1, 1);
		assertThat(lines.get(0).usage()).isEqualTo(Duration.ofDays(30));
		assertThat(lines.get(1).usage()).isEqualTo(Duration.ofHours(36));
		assertThat(lines).extracting(OrderLine::consumable).containsExactly(true, true, false);
	}

	@Test
	void unreadableOrNonPositiveUsageIsNoConsumable() {
		List<OrderLine> lines = OrderLine.of(Map.of("products",
				List.of(Map.of("sku", "a", "usage_period", "monthly"), Map.of("sku", "b", "usage_days", 0),
						Map.of("sku", "c", "usage_period", "-P1D"), Map.of("name", "no id", "usage_days", 30))));

		assertThat(lines).noneMatch(OrderLine::consumable);
	}

	@Test
	void anOrderWithoutProductsHasNoLines() {
		assertThat(OrderLine.of(Map.of("total", 99))).isEmpty();
		assertThat(OrderLine.of(null)).isEmpty();
	}

	@Test
	void theMainCategoryIsTheOneMostSpentOnAndTheFirstOnATie() {
		List<OrderLine> lines = OrderLine.of(Map.of("products",
				List.of(Map.of("sku", "a", "category", "Coffee", "price", 10, "quantity", 2),
						Map.of("sku", "b", "category", "Skincare", "price", 30),
						Map.of("sku", "c", "category", "Coffee", "price", 5))));
		assertThat(OrderLine.mainCategory(lines)).isEqualTo("Skincare");

		List<OrderLine> tie = OrderLine
			.of(Map.of("products", List.of(Map.of("sku", "a", "category", "Tea", "price", 10),
					Map.of("sku", "b", "category", "Coffee", "price", 10))));
		assertThat(OrderLine.mainCategory(tie)).isEqualTo("Tea");
		assertThat(OrderLine.mainCategory(OrderLine.of(Map.of("products", List.of(Map.of("sku", "a")))))).isNull();
	}

}
