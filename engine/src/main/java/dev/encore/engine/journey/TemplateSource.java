package dev.encore.engine.journey;

/**
 * A template's text and its version: the deployment that carried it, or
 * {@value #CLASSPATH} for the file shipped in the journeys folder.
 */
public record TemplateSource(String version, String source) {

	public static final String CLASSPATH = "classpath";

}
