package dev.encore.engine.profile;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A profile view as journeys' expressions read it, with {@code rfm} worked out on first
 * read: scoring is four DMN evaluations, each building a FEEL context, and most entry
 * filters and gateways never ask for it (it was half the CPU of an event). Serializable
 * like the plain map it stands for, since the engine asks that of a (transient) variable;
 * it is written as a plain map.
 */
final class LazyRfmData extends AbstractMap<String, Object> implements Serializable {

	static final String RFM = "rfm";

	private final Map<String, Object> data;

	private transient Supplier<Object> rfm;

	private Object rfmValue;

	LazyRfmData(Map<String, Object> data, Supplier<Object> rfm) {
		this.data = data;
		this.rfm = rfm;
	}

	@Override
	public Object get(Object key) {
		return RFM.equals(key) ? rfm() : this.data.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return RFM.equals(key) || this.data.containsKey(key);
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		Map<String, Object> all = new LinkedHashMap<>(this.data);
		all.put(RFM, rfm());
		return all.entrySet();
	}

	@Serial
	private Object writeReplace() {
		return new LinkedHashMap<>(this);
	}

	private synchronized Object rfm() {
		if (this.rfm != null) {
			this.rfmValue = this.rfm.get();
			this.rfm = null;
		}
		return this.rfmValue;
	}

}
