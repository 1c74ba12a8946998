package dev.encore.engine.loyalty;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.profile.ExtensionState;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileExtension;

/**
 * Reviews and NPS answers ({@code profile.feedback}): {@code Review Submitted} and
 * {@code NPS Submitted} are checked (a bad score refuses the event with a 400 naming the
 * field), stored as given ({@link CustomerFeedback}) and the latest of each kept on the
 * profile ({@link FeedbackState}), all in the event's transaction.
 */
@Component
@Order(3)
class FeedbackExtension implements ProfileExtension {

	static final String NAME = "feedback";

	static final String REVIEW_SUBMITTED = "Review Submitted";

	static final String NPS_SUBMITTED = "NPS Submitted";

	private final CustomerFeedback feedback;

	private final ExtensionState<FeedbackState> state;

	FeedbackExtension(CustomerFeedback feedback, ObjectMapper json) {
		this.feedback = feedback;
		this.state = new ExtensionState<>(json, NAME, FeedbackState.class, FeedbackState.NONE);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		FeedbackState state = this.state.of(profile);
		FeedbackState next;
		if (event.is(REVIEW_SUBMITTED)) {
			Review review = Review.of(event.properties());
			this.feedback.record(event.customerId(), event.messageId(), review, event.timestamp());
			next = state.reviewed(review, event.timestamp());
		}
		else if (event.is(NPS_SUBMITTED)) {
			NpsAnswer answer = NpsAnswer.of(event.properties());
			this.feedback.record(event.customerId(), event.messageId(), answer, event.timestamp());
			next = state.answered(answer, event.timestamp());
		}
		else {
			return Applied.unchanged(profile);
		}
		return Applied.unchanged(this.state.put(profile, next));
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		return this.state.of(profile);
	}

}
