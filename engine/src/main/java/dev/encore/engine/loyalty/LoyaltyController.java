package dev.encore.engine.loyalty;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * A customer's loyalty for the storefront (with its write key) and for people (support,
 * marketers, admins): tier, points, what expires when, perks, the next tier and what is
 * missing; and the points ledger for support.
 */
@RestController
@Tag(name = "Loyalty")
class LoyaltyController {

	private final ProfileStore profiles;

	private final LoyaltyExtension loyalty;

	private final PointsLedger ledger;

	LoyaltyController(ProfileStore profiles, LoyaltyExtension loyalty, PointsLedger ledger) {
		this.profiles = profiles;
		this.loyalty = loyalty;
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/customers/{customerId}/loyalty")
	LoyaltyView loyalty(@PathVariable String customerId) {
		CustomerProfile profile = this.profiles.find(customerId).orElseThrow(() -> unknown(customerId));
		return this.loyalty.view(profile);
	}

	/**
	 * Every change of the customer's points, first to last, each with the balance after
	 * it.
	 */
	@GetMapping("/api/v1/customers/{customerId}/points")
	List<PointsLedger.Entry> points(@PathVariable String customerId) {
		List<PointsLedger.Entry> entries = this.ledger.forCustomer(customerId);
		if (entries.isEmpty() && this.profiles.find(customerId).isEmpty()) {
			throw unknown(customerId);
		}
		return entries;
	}

	private static ErrorResponseException unknown(String customerId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No customer with id " + customerId);
		problem.setTitle("Unknown customer");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
