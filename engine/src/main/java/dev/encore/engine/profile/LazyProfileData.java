package dev.encore.engine.profile;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A profile view as journeys' expressions read it, with its costly sections worked out on
 * first read: {@code rfm} is four DMN evaluations, each building a FEEL context,
 * {@code loyalty} reads the points ledger, and most entry filters and gateways never ask
 * for them (RFM alone was half the CPU of an event). Serializable like the plain map it
 * stands for, since the engine asks that of a (transient) variable; it is written as a
 * plain map.
 */
final class LazyProfileData extends AbstractMap<String, Object> implements Serializable {

	private final Map<String, Object> data;

	/** Sections not read yet; a section leaves it once computed. */
	private final transient Map<String, Supplier<Object>> lazy;

	private final Map<String, Object> computed = new LinkedHashMap<>();

	LazyProfileData(Map<String, Object> data, Map<String, Supplier<Object>> lazy) {
		this.data = data;
		this.lazy = new LinkedHashMap<>(lazy);
	}

	@Override
	public Object get(Object key) {
		return isLazy(key) ? section((String) key) : this.data.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return isLazy(key) || this.data.containsKey(key);
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		Map<String, Object> all = new LinkedHashMap<>(this.data);
		for (String name : sectionNames()) {
			all.put(name, section(name));
		}
		return all.entrySet();
	}

	@Serial
	private Object writeReplace() {
		return new LinkedHashMap<>(this);
	}

	private synchronized boolean isLazy(Object key) {
		return this.computed.containsKey(key) || (this.lazy != null && this.lazy.containsKey(key));
	}

	private synchronized Set<String> sectionNames() {
		Set<String> names = new LinkedHashSet<>(this.computed.keySet());
		if (this.lazy != null) {
			names.addAll(this.lazy.keySet());
		}
		return names;
	}

	private synchronized Object section(String name) {
		Supplier<Object> supplier = this.lazy == null ? null : this.lazy.remove(name);
		if (supplier != null) {
			this.computed.put(name, supplier.get());
		}
		return this.computed.get(name);
	}

}
