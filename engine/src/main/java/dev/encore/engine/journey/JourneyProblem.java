package dev.encore.engine.journey;

/**
 * One reason a journey cannot be deployed: the file, the element (its id, as shown in
 * Modeler's properties panel), the journey setting at fault ({@code setting.name}, null
 * when no setting is involved) and what to change.
 */
public record JourneyProblem(String resource, String elementId, String setting, String message) {

	public JourneyProblem(String resource, String elementId, String message) {
		this(resource, elementId, null, message);
	}

	@Override
	public String toString() {
		return this.resource + (this.elementId == null ? "" : " " + this.elementId) + ": " + this.message;
	}

}
