package dev.encore.engine.loyalty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default: ranges live as long as the process. */
class InMemoryCategoryPrices implements CategoryPrices {

	private final Map<String, Range> ranges = new ConcurrentHashMap<>();

	@Override
	public void observe(List<Price> prices) {
		for (Price price : prices) {
			this.ranges.merge(price.category(), new Range(price.price(), price.price()),
					(known, seen) -> known.wider(price.price()));
		}
	}

	@Override
	public Map<String, Range> ranges(Collection<String> categories) {
		Map<String, Range> found = new HashMap<>();
		for (String category : categories) {
			Range range = this.ranges.get(category);
			if (range != null) {
				found.put(category, range);
			}
		}
		return found;
	}

}
