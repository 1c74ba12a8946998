package dev.encore.engine.profile;

class InMemoryProfileStoreTest extends ProfileStoreContract {

	private final InMemoryProfileStore store = new InMemoryProfileStore();

	@Override
	ProfileStore store() {
		return this.store;
	}

}
