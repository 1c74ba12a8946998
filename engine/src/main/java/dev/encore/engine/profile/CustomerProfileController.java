package dev.encore.engine.profile;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's profile for support, and its erasure on the customer's request. */
@RestController
@Tag(name = "Customers")
class CustomerProfileController {

	private final ProfileViews views;

	private final CustomerErasure erasure;

	CustomerProfileController(ProfileViews views, CustomerErasure erasure) {
		this.views = views;
		this.erasure = erasure;
	}

	@GetMapping("/api/v1/customers/{customerId}")
	CustomerView profile(@PathVariable String customerId) {
		return this.views.find(customerId).orElseThrow(() -> unknown(customerId));
	}

	/** 204 once erased; 404 when Encore knew nothing of the customer. */
	@DeleteMapping("/api/v1/customers/{customerId}")
	ResponseEntity<Void> erase(@PathVariable String customerId) {
		if (!this.erasure.erase(customerId)) {
			throw unknown(customerId);
		}
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException unknown(String customerId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No customer with id " + customerId);
		problem.setTitle("Unknown customer");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
