package dev.encore.engine.support;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.profile.CustomerView;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.profile.ProfileViews;

/**
 * Support's search: a customer by id, email or phone. Lookups are by key (the profile, or
 * the store's contact index), never a scan over the customer base.
 */
@RestController
@Tag(name = "Customers")
class CustomerSearchController {

	private final ProfileStore profiles;

	private final ProfileViews views;

	CustomerSearchController(ProfileStore profiles, ProfileViews views) {
		this.profiles = profiles;
		this.views = views;
	}

	/** What support sees in the result list. */
	record Found(String customerId, String email, String phone, String firstName, String lastName,
			String lifecycleStage, String rfmSegment) {
	}

	@GetMapping("/api/v1/customers")
	List<Found> search(@RequestParam("q") String query) {
		String wanted = query.strip();
		if (wanted.isEmpty()) {
			return List.of();
		}
		Optional<String> customerId = this.profiles.find(wanted)
			.or(() -> this.profiles.findByContact(wanted))
			.map((profile) -> profile.customerId());
		return customerId.flatMap(this.views::find).map(CustomerSearchController::found).stream().toList();
	}

	private static Found found(CustomerView view) {
		return new Found(view.customerId(), view.email(), view.phone(), view.firstName(), view.lastName(),
				view.lifecycleStage(), view.rfm() == null ? null : view.rfm().segment());
	}

}
