package dev.encore.engine.delivery;

/** A journey step names a template that does not exist for its channel. */
public class TemplateNotFoundException extends RuntimeException {

	TemplateNotFoundException(String templateId, String channel, String locales) {
		super("No " + channel + " template '" + templateId + "' for any of the locales " + locales);
	}

}
