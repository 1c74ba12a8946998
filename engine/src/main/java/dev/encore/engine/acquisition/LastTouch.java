package dev.encore.engine.acquisition;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import dev.encore.engine.profile.ExtensionState;
import dev.encore.engine.profile.ProfileStore;

/**
 * The customer's last-touch source as of now, for what records it beside an entry or a
 * conversion (journey analytics by source).
 */
@Component
public class LastTouch {

	private final ProfileStore profiles;

	private final ExtensionState<AcquisitionState> state;

	LastTouch(ProfileStore profiles, ObjectMapper json) {
		this.profiles = profiles;
		this.state = AcquisitionExtension.state(json);
	}

	/**
	 * The source of the last touch; empty when no event of the customer carried a page.
	 */
	public Optional<String> sourceOf(String customerId) {
		return this.profiles.find(customerId).map((profile) -> this.state.of(profile).last()).map(Touch::source);
	}

}
