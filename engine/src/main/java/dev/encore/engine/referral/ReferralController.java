package dev.encore.engine.referral;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whose code is it: for support answering a customer, and for the storefront's back
 * office turning a code redeemed at checkout into the advocate's {@code Referral
 * Completed}.
 */
@RestController
@Tag(name = "Loyalty")
class ReferralController {

	private final ReferralCodes codes;

	ReferralController(ReferralCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/api/v1/referrals/{code}")
	ReferralCodes.Referral referral(@PathVariable String code) {
		return this.codes.find(code).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No customer has the referral code " + code);
			problem.setTitle("Unknown referral code");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
	}

}
