package dev.encore.engine.delivery;

/** A preview or test send asked for something that is not there or not valid. */
class InvalidTemplateRequestException extends RuntimeException {

	private final String field;

	InvalidTemplateRequestException(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
