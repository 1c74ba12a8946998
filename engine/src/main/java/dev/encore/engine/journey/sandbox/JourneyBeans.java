package dev.encore.engine.journey.sandbox;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The beans journey expressions resolve by name: those marked {@link JourneyBean}, read
 * from the context on use (the engine's expression manager is built before them).
 */
@Component
public class JourneyBeans extends AbstractMap<Object, Object> implements JourneyBeanTypes {

	private final ApplicationContext context;

	private volatile Set<String> names;

	public JourneyBeans(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean containsKey(Object name) {
		return names().contains(name);
	}

	@Override
	public Object get(Object name) {
		return containsKey(name) ? this.context.getBean((String) name) : null;
	}

	@Override
	public Class<?> type(String name) {
		return containsKey(name) ? ClassUtils.getUserClass(this.context.getType(name)) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		throw new UnsupportedOperationException("journey beans are looked up by name only");
	}

	private Set<String> names() {
		Set<String> known = this.names;
		if (known == null) {
			known = Set.copyOf(Arrays.asList(this.context.getBeanNamesForAnnotation(JourneyBean.class)));
			this.names = known;
		}
		return known;
	}

}
