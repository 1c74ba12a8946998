package dev.encore.engine.intake;

class NoRecentMessageIdsTest extends RecentMessageIdsContract {

	private final NoRecentMessageIds ids = new NoRecentMessageIds();

	@Override
	RecentMessageIds ids() {
		return this.ids;
	}

	/** Without Redis the database key alone dedupes (decision 004). */
	@Override
	boolean remembers() {
		return false;
	}

}
