package dev.encore.engine.delivery;

class InMemorySuppressionListTest extends SuppressionListContract {

	private final InMemorySuppressionList suppressions = new InMemorySuppressionList(CLOCK);

	@Override
	SuppressionList suppressions() {
		return this.suppressions;
	}

}
