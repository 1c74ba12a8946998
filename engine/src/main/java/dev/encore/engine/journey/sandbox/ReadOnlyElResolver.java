package dev.encore.engine.journey.sandbox;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * A resolver that only reads: what the sandbox's own resolvers and the resolvers of extra
 * top-level names (the profile) have in common. Nothing a journey expression resolves can
 * be written through it.
 */
public abstract class ReadOnlyElResolver extends ELResolver {

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return base == null ? Object.class : null;
	}

}
