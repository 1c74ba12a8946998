package dev.encore.engine.journey.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean journey expressions may call by name ({@code ${split.branch(...)}},
 * {@code ${encoreSend}}). Only these are reachable from a BPMN: a journey cannot name the
 * data source, the environment or any other bean of the application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JourneyBean {

}
