package dev.encore.engine.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.encore.engine.journey.sandbox.JourneyBean;
import dev.encore.engine.journey.sandbox.JourneyBeanTypes;

/**
 * Encore's journey beans by bean name, found as Spring finds them (component scan), for
 * tests that check journeys without starting the application.
 */
public final class ShippedJourneyBeans implements JourneyBeanTypes {

	private static final Map<String, Class<?>> TYPES = scan();

	@Override
	public Class<?> type(String name) {
		return TYPES.get(name);
	}

	private static Map<String, Class<?>> scan() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(JourneyBean.class));
		AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
		Map<String, Class<?>> types = new HashMap<>();
		scanner.findCandidateComponents("dev.encore.engine").forEach((definition) -> {
			String name = names.generateBeanName(definition, new SimpleBeanDefinitionRegistry());
			types.put(name,
					ClassUtils.resolveClassName(((AnnotatedBeanDefinition) definition).getMetadata().getClassName(),
							ShippedJourneyBeans.class.getClassLoader()));
		});
		return Map.copyOf(types);
	}

}
