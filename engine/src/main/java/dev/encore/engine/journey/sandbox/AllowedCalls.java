package dev.encore.engine.journey.sandbox;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.util.ClassUtils;

/**
 * The one list of what a journey expression may call, read at run time by
 * {@link SandboxElResolver} and at deploy time by {@link ExpressionCheck}: a journey
 * bean's own public methods, and a few methods of plain values (strings, collections,
 * maps, numbers) that read and never reach further.
 */
final class AllowedCalls {

	private static final Map<Class<?>, Set<String>> VALUE_METHODS = Map.of(String.class,
			Set.of("length", "isEmpty", "isBlank", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase",
					"toLowerCase", "toUpperCase", "trim", "strip", "substring", "indexOf", "lastIndexOf", "concat",
					"compareTo"),
			Collection.class, Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "equals"),
			Map.class, Set.of("size", "isEmpty", "containsKey", "containsValue", "get", "getOrDefault", "equals"),
			Number.class, Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals"));

	/**
	 * The names of every value method, for a check that does not know the value's type.
	 */
	static final Set<String> VALUE_METHOD_NAMES = VALUE_METHODS.values()
		.stream()
		.flatMap(Set::stream)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private AllowedCalls() {
	}

	static boolean valueMethod(Object base, String method) {
		return VALUE_METHODS.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().isInstance(base) && entry.getValue().contains(method));
	}

	static boolean journeyBean(Object base) {
		return base != null && ClassUtils.getUserClass(base).isAnnotationPresent(JourneyBean.class);
	}

	/**
	 * A public instance method that a {@link JourneyBean} class declares itself: not
	 * {@code getClass}, nothing inherited from a framework class.
	 */
	static boolean journeyBeanMethod(Class<?> beanType, String method) {
		return beanType != null && beanType.isAnnotationPresent(JourneyBean.class)
				&& Arrays.stream(beanType.getMethods())
					.anyMatch((candidate) -> declaredByJourneyBean(candidate, method));
	}

	private static boolean declaredByJourneyBean(Method candidate, String name) {
		return candidate.getName().equals(name) && !Modifier.isStatic(candidate.getModifiers())
				&& candidate.getDeclaringClass().isAnnotationPresent(JourneyBean.class);
	}

}
