package dev.encore.engine.loyalty;

class InMemoryCategoryPricesTest extends CategoryPricesContract {

	private final InMemoryCategoryPrices prices = new InMemoryCategoryPrices();

	@Override
	CategoryPrices prices() {
		return this.prices;
	}

}
