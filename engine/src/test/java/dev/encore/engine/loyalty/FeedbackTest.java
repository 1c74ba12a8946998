package dev.encore.engine.loyalty;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Review Submitted} and {@code NPS Submitted}: kept as given, the latest of each
 * on the profile ({@code profile.feedback}), bad scores refused naming the field, a
 * replay changing nothing, erased with the customer.
 */
class FeedbackTest extends EncoreIntegrationTest {

	@Autowired
	private CustomerFeedback feedback;

	@Test
	void aReviewIsKeptWithItsAspectsAndItsRatingShowsOnTheProfile() throws Exception {
		String customer = newCustomerId();
		send(review(customer, 4).with("ratings", Map.of("logistics", 2, "refundSpeed", "5"))
			.with("order_id", "o-7")
			.with("product_id", "p-42")).andExpect(status().isAccepted());

		assertThat(this.feedback.reviews(customer)).singleElement().satisfies((review) -> {
			assertThat(review.rating()).isEqualTo(4);
			assertThat(review.ratings()).containsExactly(Map.entry("logistics", 2), Map.entry("refundSpeed", 5));
			assertThat(review.orderId()).isEqualTo("o-7");
			assertThat(review.productId()).isEqualTo("p-42");
			assertThat(review.low()).as("an aspect rated 2").isTrue();
			assertThat(review.submittedAt()).isEqualTo(START);
		});
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.feedback.lastRating").value(4))
			.andExpect(jsonPath("$.feedback.lastRatingAt").value(START.toString()))
			.andExpect(jsonPath("$.feedback.npsCategory").doesNotExist());
	}

	@Test
	void npsScoresMakePromotersPassivesAndDetractorsAndTheLatestAnswerCounts() throws Exception {
		String customer = newCustomerId();
		for (int score : new int[] { 10, 9, 8, 7, 6, 0 }) {
			send(nps(customer, score)).andExpect(status().isAccepted());
		}

		assertThat(this.feedback.npsAnswers(customer))
			.extracting(CustomerFeedback.NpsRow::score, CustomerFeedback.NpsRow::category)
			.containsExactlyInAnyOrder(tuple(10, "promoter"), tuple(9, "promoter"), tuple(8, "passive"),
					tuple(7, "passive"), tuple(6, "detractor"), tuple(0, "detractor"));
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(jsonPath("$.feedback.npsScore").value(0))
			.andExpect(jsonPath("$.feedback.npsCategory").value("detractor"))
			.andExpect(jsonPath("$.feedback.npsAt").value(START.toString()));
	}

	@Test
	void scoresOutOfRangeOrNotWholeNumbersAreRefusedNamingTheField() throws Exception {
		String customer = newCustomerId();
		refused(review(customer, 6), "properties.rating");
		refused(review(customer, 0), "properties.rating");
		refused(TestEvents.track("Review Submitted", customer), "properties.rating");
		refused(review(customer, "great"), "properties.rating");
		refused(review(customer, 4.5), "properties.rating");
		refused(review(customer, 4).with("ratings", Map.of("logistics", 0)), "properties.ratings.logistics");
		refused(review(customer, 4).with("ratings", Map.of("serviceResponse", "NaN")),
				"properties.ratings.serviceResponse");
		refused(review(customer, 4).with("ratings", 3), "properties.ratings");
		refused(nps(customer, 11), "properties.score");
		refused(nps(customer, -1), "properties.score");
		refused(TestEvents.track("NPS Submitted", customer).with("score", "ten"), "properties.score");

		assertThat(this.feedback.reviews(customer)).isEmpty();
		assertThat(this.feedback.npsAnswers(customer)).isEmpty();
	}

	@Test
	void aReplayedEventChangesNothing() throws Exception {
		String customer = newCustomerId();
		TestEvents answer = nps(customer, 3);
		send(answer).andExpect(status().isAccepted());
		send(answer).andExpect(status().isAccepted());
		TestEvents review = review(customer, 1);
		send(review).andExpect(status().isAccepted());
		send(review).andExpect(status().isAccepted());

		assertThat(this.feedback.npsAnswers(customer)).hasSize(1);
		assertThat(this.feedback.reviews(customer)).hasSize(1);
	}

	@Test
	void erasureDeletesReviewsAndAnswers() throws Exception {
		String customer = newCustomerId();
		send(review(customer, 5)).andExpect(status().isAccepted());
		send(nps(customer, 10)).andExpect(status().isAccepted());

		this.mvc.perform(delete("/api/v1/customers/{id}", customer)).andExpect(status().isNoContent());

		assertThat(this.feedback.reviews(customer)).isEmpty();
		assertThat(this.feedback.npsAnswers(customer)).isEmpty();
	}

	private void refused(TestEvents event, String field) throws Exception {
		send(event).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	static TestEvents review(String customer, Object rating) {
		return TestEvents.track("Review Submitted", customer).with("rating", rating);
	}

	static TestEvents nps(String customer, Object score) {
		return TestEvents.track("NPS Submitted", customer).with("score", score);
	}

}
