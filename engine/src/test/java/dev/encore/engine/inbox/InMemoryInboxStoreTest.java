package dev.encore.engine.inbox;

class InMemoryInboxStoreTest extends InboxStoreContract {

	private final InMemoryInboxStore inboxes = new InMemoryInboxStore();

	@Override
	InboxStore inboxes() {
		return this.inboxes;
	}

}
