package dev.encore.engine.delivery;

/**
 * A template could not be rendered for this data, e.g. it uses a variable the data does
 * not have: an error, never a blank in a customer's message.
 */
public class TemplateRenderException extends RuntimeException {

	TemplateRenderException(String templateId, String channel, RuntimeException cause) {
		super("Template '" + templateId + "' (" + channel + ") cannot be rendered: " + describe(cause), cause);
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
	}

}
