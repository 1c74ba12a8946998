package dev.encore.engine.acquisition;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
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

	private final ObjectMapper json;

	AcquisitionExtension(AcquisitionProperties properties, ObjectMapper json) {
		this.touches = new Touches(properties);
		this.properties = properties;
		this.json = json;
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
		AcquisitionState state = state(profile, this.json);
		AcquisitionState next = state.seen(touch, this.properties.visitGap(), this.properties.maxSources());
		return next.equals(state) ? Applied.unchanged(profile)
				: Applied.unchanged(profile.withExtension(NAME, write(next)));
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		AcquisitionState state = state(profile, this.json);
		return new AcquisitionView(state.first(), state.last(), state.sources());
	}

	static AcquisitionState state(CustomerProfile profile, ObjectMapper json) {
		String state = profile.extension(NAME);
		try {
			return state == null ? AcquisitionState.NONE : json.readValue(state, AcquisitionState.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable acquisition of customer " + profile.customerId(), ex);
		}
	}

	private String write(AcquisitionState state) {
		try {
			return this.json.writeValueAsString(state);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Acquisition is not JSON-serializable", ex);
		}
	}

}
