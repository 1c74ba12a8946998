package dev.encore.engine.journey;

/**
 * One reason a journey cannot be deployed: the file, the element (its id, as shown in
 * Modeler's properties panel) and what to change.
 */
public record JourneyProblem(String resource, String elementId, String message) {

	@Override
	public String toString() {
		return this.resource + (this.elementId == null ? "" : " " + this.elementId) + ": " + this.message;
	}

}
