package dev.encore.engine.acquisition;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import dev.encore.engine.profile.ProfileStore;

/**
 * The customer's last-touch source as of now, for what records it beside an entry or a
 * conversion (journey analytics by source).
 */
@Component
public class LastTouch {

	private final ProfileStore profiles;

	private final ObjectMapper json;

	LastTouch(ProfileStore profiles, ObjectMapper json) {
		this.profiles = profiles;
		this.json = json;
	}

	/**
	 * The source of the last touch; empty when no event of the customer carried a page.
	 */
	public Optional<String> sourceOf(String customerId) {
		return this.profiles.find(customerId)
			.map((profile) -> AcquisitionExtension.state(profile, this.json).last())
			.map(Touch::source);
	}

}
