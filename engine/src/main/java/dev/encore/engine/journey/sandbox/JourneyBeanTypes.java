package dev.encore.engine.journey.sandbox;

/**
 * The class of the journey bean of a name: what deploy-time checks need to know of them.
 */
@FunctionalInterface
public interface JourneyBeanTypes {

	/**
	 * @return the bean's class, null when no journey bean has that name
	 */
	Class<?> type(String name);

}
