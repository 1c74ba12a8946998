package dev.encore.engine.profile;

/**
 * Where a customer is in their relationship with the shop; ids are what journeys test.
 */
public enum LifecycleStage {

	PROSPECT("prospect"), FIRST_TIME("first-time"), REPEAT("repeat"), LOYAL("loyal"), ADVOCATE("advocate");

	private final String id;

	LifecycleStage(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	static LifecycleStage fromId(String id) {
		for (LifecycleStage stage : values()) {
			if (stage.id.equals(id)) {
				return stage;
			}
		}
		throw new IllegalArgumentException("Unknown lifecycle stage " + id);
	}

}
