package dev.encore.engine.support;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.loyalty.CustomerFeedback;
import dev.encore.engine.loyalty.CustomerFeedback.NpsRow;
import dev.encore.engine.loyalty.CustomerFeedback.ReviewRow;

/**
 * A customer's reviews and NPS answers for support, newest first, with what should catch
 * support's eye: {@code detractor} (the latest NPS answer 0-6) and {@code low rating}
 * (the latest review rated 2 or less, overall or in an aspect).
 */
@RestController
@Tag(name = "Support")
class CustomerFeedbackController {

	private final CustomerFeedback feedback;

	CustomerFeedbackController(CustomerFeedback feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/api/v1/customers/{customerId}/feedback")
	Feedback feedback(@PathVariable String customerId) {
		List<ReviewRow> reviews = this.feedback.reviews(customerId);
		List<NpsRow> nps = this.feedback.npsAnswers(customerId);
		List<String> flags = new ArrayList<>();
		if (!nps.isEmpty() && "detractor".equals(nps.get(0).category())) {
			flags.add("detractor");
		}
		if (!reviews.isEmpty() && reviews.get(0).low()) {
			flags.add("low rating");
		}
		return new Feedback(flags, reviews, nps);
	}

	record Feedback(List<String> flags, List<ReviewRow> reviews, List<NpsRow> nps) {
	}

}
