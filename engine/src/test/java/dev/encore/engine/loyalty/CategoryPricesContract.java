package dev.encore.engine.loyalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CategoryPrices} must do; run against each implementation. */
abstract class CategoryPricesContract {

	abstract CategoryPrices prices();

	@Test
	void eachCategoryKeepsTheLowestAndHighestPriceSeen() {
		prices().observe(List.of(price("shoes", "80"), price("bags", "40")));
		prices().observe(List.of(price("shoes", "120.50"), price("shoes", "35"), price("shoes", "90")));

		assertThat(prices().ranges(Set.of("shoes", "bags", "hats"))).containsOnlyKeys("shoes", "bags");
		CategoryPrices.Range shoes = prices().ranges(Set.of("shoes")).get("shoes");
		assertThat(shoes.low()).isEqualByComparingTo("35");
		assertThat(shoes.high()).isEqualByComparingTo("120.50");
		assertThat(prices().ranges(Set.of("bags")).get("bags"))
			.satisfies((bags) -> assertThat(bags.position(new BigDecimal("40"))).isEqualTo(0.5));
		assertThat(prices().ranges(Set.of())).isEmpty();
	}

	@Test
	void observationsAtTheSameTimeAllWidenTheRange() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 1; i <= 200; i++) {
				String value = Integer.toString(i);
				done.add(threads.submit(() -> prices().observe(List.of(price("tea", value)))));
			}
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		Map<String, CategoryPrices.Range> ranges = prices().ranges(Set.of("tea"));
		assertThat(ranges.get("tea").low()).isEqualByComparingTo("1");
		assertThat(ranges.get("tea").high()).isEqualByComparingTo("200");
		assertThat(ranges.get("tea").position(new BigDecimal("100.5"))).isEqualTo(0.5);
	}

	static CategoryPrices.Price price(String category, String price) {
		return new CategoryPrices.Price(category, new BigDecimal(price));
	}

}
