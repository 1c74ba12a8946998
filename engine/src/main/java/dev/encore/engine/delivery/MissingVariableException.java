package dev.encore.engine.delivery;

/** A template outputs a variable the data does not have. */
public class MissingVariableException extends RuntimeException {

	private final String variable;

	MissingVariableException(String variable) {
		super("Missing variable '" + variable + "'");
		this.variable = variable;
	}

	public String variable() {
		return this.variable;
	}

}
