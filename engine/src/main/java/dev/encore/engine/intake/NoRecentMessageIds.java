package dev.encore.engine.intake;

/**
 * The try-out without Redis remembers no ids: the database's unique key dedupes for the
 * history's retention period, and a node-local list would only hide that.
 */
class NoRecentMessageIds implements RecentMessageIds {

	@Override
	public boolean seen(String messageId) {
		return false;
	}

	@Override
	public void remember(String messageId) {
	}

}
