package dev.encore.engine.event;

/** An event that cannot be applied as it is; names the offending field. */
public class InvalidEventException extends RuntimeException {

	private final String field;

	public InvalidEventException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
