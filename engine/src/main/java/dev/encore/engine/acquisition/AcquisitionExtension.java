package dev.encore.engine.acquisition;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.profile.ExtensionState;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileExtension;

/**
 * Where the customer came from ({@code profile.acquisition}: {@code first}, {@code last},
 * {@code sources}), from the campaign tags and referrer of any event that carries a page
 * ({@link Touches}): journeys split on it ({@code ${profile.acquisition.last.medium ==
 * 'email'}}) and journey entries record the last source for analytics.
 */
@Component
@Order(3)
class AcquisitionExtension implements ProfileExtension {

	static final String NAME = "acquisition";

	private final Touches touches;

	private final AcquisitionProperties properties;

	private final ExtensionState<AcquisitionState> state;

	AcquisitionExtension(AcquisitionProperties properties, ObjectMapper json) {
		this.touches = new Touches(properties);
		this.properties = properties;
		this.state = state(json);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		Touch touch = this.touches.of(event);
		if (touch == null) {
			return Applied.unchanged(profile);
		}
		AcquisitionState state = this.state.of(profile);
		AcquisitionState next = state.seen(touch, this.properties.visitGap(), this.properties.maxSources());
		return next.equals(state) ? Applied.unchanged(profile) : Applied.unchanged(this.state.put(profile, next));
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		AcquisitionState state = this.state.of(profile);
		return new AcquisitionView(state.first(), state.last(), state.sources());
	}

	/** The state as this feature keeps it in the profile. */
	static ExtensionState<AcquisitionState> state(ObjectMapper json) {
		return new ExtensionState<>(json, NAME, AcquisitionState.class, AcquisitionState.NONE);
	}

}
