package dev.encore.engine.loyalty;

import java.time.Instant;

/**
 * What the profile keeps of a customer's feedback ({@code profile.feedback}, stored as
 * {@code ext:feedback}): the latest NPS answer and review rating, so journeys can split
 * on them without a query.
 *
 * @param npsCategory {@code promoter} (9-10), {@code passive} (7-8) or {@code detractor}
 * (0-6)
 */
record FeedbackState(Integer npsScore, String npsCategory, Instant npsAt, Integer lastRating, Instant lastRatingAt) {

	static final FeedbackState NONE = new FeedbackState(null, null, null, null, null);

	FeedbackState answered(NpsAnswer answer, Instant at) {
		return new FeedbackState(answer.score(), answer.category(), at, this.lastRating, this.lastRatingAt);
	}

	FeedbackState reviewed(Review review, Instant at) {
		return new FeedbackState(this.npsScore, this.npsCategory, this.npsAt, review.rating(), at);
	}

}
