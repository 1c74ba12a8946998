package dev.encore.engine.repurchase;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderLinkTest {

	private final List<OrderLine> lines = OrderLine
		.of(Map.of("products", List.of(Map.of("sku", "COF-1", "name", "Coffee beans", "quantity", 2, "usage_days", 15),
				Map.of("sku", "A&B,C 1", "quantity", 1, "usage_days", 30))));

	@Test
	void listsEveryProductIdWithItsQuantityUrlEncoded() {
		assertThat(ReorderLink.of("https://shop.example.com/reorder", this.lines))
			.isEqualTo("https://shop.example.com/reorder?items=COF-1:2,A%26B%2CC+1:1");
	}

	@Test
	void keepsAQueryTheShopUrlAlreadyHas() {
		assertThat(ReorderLink.of("https://shop.example.com/reorder?utm_source=encore", this.lines.subList(0, 1)))
			.isEqualTo("https://shop.example.com/reorder?utm_source=encore&items=COF-1:2");
	}

	@Test
	void summaryNamesEachProductWithItsQuantityElseItsId() {
		assertThat(ReorderLink.summary(this.lines)).isEqualTo("Coffee beans × 2, A&B,C 1 × 1");
	}

}
