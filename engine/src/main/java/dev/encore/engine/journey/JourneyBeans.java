package dev.encore.engine.journey;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;

import org.springframework.context.ApplicationContext;

/**
 * The beans journey expressions resolve by name: those marked {@link JourneyBean}, read
 * from the context on use (the engine's expression manager is built before them).
 */
public class JourneyBeans extends AbstractMap<Object, Object> {

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
