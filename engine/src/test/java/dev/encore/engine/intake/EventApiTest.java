package dev.encore.engine.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Encore event API: batches, limits and every error class as problem+json. */
class EventApiTest extends EncoreIntegrationTest {

	@Autowired
	EventHistory events;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private org.springframework.test.web.servlet.ResultActions sendBatch(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/events/batch").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static String batchOf(List<TestEvents> items) {
		return "{\"batch\":[" + String.join(",", items.stream().map(TestEvents::json).toList()) + "]}";
	}

	private static String padding(int bytes) {
		return "x".repeat(bytes);
	}

	@Test
	void batchGivesEachItemItsOwnResultAndStoresNothingForRejectedOnes() throws Exception {
		String customer = newCustomerId();
		TestEvents first = TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0);
		TestEvents invalid = TestEvents.track("Product Viewed", customer).without("messageId");
		TestEvents future = TestEvents.track("Product Viewed", customer).at(START.plus(Duration.ofHours(25)));

		sendBatch(batchOf(
				List.of(first, TestEvents.checkoutStarted(customer).messageId(first.messageId()), invalid, future)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("duplicate"))
			.andExpect(jsonPath("$.results[2].status").value("rejected"))
			.andExpect(jsonPath("$.results[2].reason").value("messageId must not be blank"))
			.andExpect(jsonPath("$.results[3].status").value("rejected"))
			.andExpect(jsonPath("$.results[3].messageId").value(future.messageId()))
			.andExpect(jsonPath("$.results[3].reason").value("timestamp is more than 24 h in the future"));

		assertThat(this.events.forCustomer(customer)).extracting(EventHistory.RecordedEvent::messageId)
			.containsExactly(first.messageId());
		assertThat(activeJourneys(customer, "AbandonedCart")).isEqualTo(1);
	}

	@Test
	void batchOfMoreThan500EventsIsRejectedWhole() throws Exception {
		List<TestEvents> items = new ArrayList<>();
		String customer = newCustomerId();
		for (int i = 0; i < 501; i++) {
			items.add(TestEvents.track("Site Visited", customer));
		}
		sendBatch(batchOf(items)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("batch"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void eventOver32KbIs413AndStoresNothing() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Product Viewed", customer).with("description", padding(33 * 1024)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413))
			.andExpect(jsonPath("$.detail").value("The event is larger than 32 KB"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void batchOver500KbIs413AndStoresNothing() throws Exception {
		String customer = newCustomerId();
		List<TestEvents> items = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			items.add(TestEvents.track("Product Viewed", customer).with("description", padding(30 * 1024)));
		}
		sendBatch(batchOf(items)).andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The batch is larger than 500 KB"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
	}

	@Test
	void batchItemOver32KbIsRejectedAlone() throws Exception {
		String customer = newCustomerId();
		TestEvents small = TestEvents.track("Product Viewed", customer);
		sendBatch(batchOf(
				List.of(small, TestEvents.track("Product Viewed", customer).with("description", padding(33 * 1024)))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("rejected"))
			.andExpect(jsonPath("$.results[1].reason").value("event is larger than 32 KB"));
		assertThat(this.events.forCustomer(customer)).hasSize(1);
	}

	@Test
	void wrongContentTypeIs415ProblemJson() throws Exception {
		this.mvc
			.perform(post("/api/v1/events").contentType(MediaType.TEXT_PLAIN)
				.content(TestEvents.checkoutStarted(newCustomerId()).json()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(415));
	}

	@Test
	void malformedJsonIs400ProblemJson() throws Exception {
		sendBatch("{batch: nope").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Malformed JSON"));
	}

	@Test
	void timestampMoreThanADayAheadIs400NamingTheField() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.checkoutStarted(customer).at(START.plus(Duration.ofHours(25))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("timestamp"));
		assertThat(this.events.forCustomer(customer)).isEmpty();
		assertThat(activeJourneys(customer, "AbandonedCart")).isZero();

		send(TestEvents.checkoutStarted(customer).at(START.plus(Duration.ofHours(23))))
			.andExpect(status().isAccepted());
	}

	@Test
	void timestampBeforeTheEpochIs400NamingTheField() throws Exception {
		String customer = newCustomerId();
		// A storefront sending a number where a date belongs: Jackson reads it as epoch
		// seconds, here some 170 million years BC, which PostgreSQL cannot store.
		String json = TestEvents.checkoutStarted(customer)
			.at(START)
			.json()
			.replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":-5383850424868068");
		this.mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("timestamp"))
			.andExpect(jsonPath("$.errors[0].message").value("is before 1970-01-01T00:00:00Z"));
		assertThat(this.events.forCustomer(customer)).isEmpty();

		send(TestEvents.checkoutStarted(customer).at(Instant.EPOCH)).andExpect(status().isAccepted());
	}

	@Test
	void unknownEventNamesAreRecordedAndStartNothing() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Wishlist Shared", customer)).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("accepted"));
		assertThat(this.events.forCustomer(customer)).extracting(EventHistory.RecordedEvent::name)
			.containsExactly("Wishlist Shared");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
	}

	@Test
	void countsReceivedAppliedAndRejectedEventsBySource() throws Exception {
		double received = this.meters.counter("encore.events.received", "source", "http").count();
		double applied = this.meters.counter("encore.events.applied", "source", "http").count();
		double rejected = this.meters.counter("encore.events.rejected", "source", "http").count();
		String customer = newCustomerId();

		send(TestEvents.track("Product Viewed", customer)).andExpect(status().isAccepted());
		send(TestEvents.track("Product Viewed", customer).at(START.plus(Duration.ofDays(2))))
			.andExpect(status().isBadRequest());

		assertThat(this.meters.counter("encore.events.received", "source", "http").count()).isEqualTo(received + 2);
		assertThat(this.meters.counter("encore.events.applied", "source", "http").count()).isEqualTo(applied + 1);
		assertThat(this.meters.counter("encore.events.rejected", "source", "http").count()).isEqualTo(rejected + 1);
		assertThat(this.meters.find("encore.events.apply.latency").timer()).isNotNull();
	}

	@Test
	void withoutBootstrapServersThereIsNoKafkaConsumerAndNoKafkaHealth() throws Exception {
		assertThat(this.context.getBeanNamesForType(KafkaHealth.class)).isEmpty();
		assertThat(this.context
			.getBeanNamesForType(org.springframework.kafka.listener.ConcurrentMessageListenerContainer.class))
			.isEmpty();
		this.mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.kafka").doesNotExist());
	}

	@Test
	void openApiDocumentsBothApisWithAnExamplePerJourneyEvent() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("/api/v1/events/batch", "/v1/batch", "/v1/track");
		for (String event : List.of("Signed Up", "Product Viewed", "Product Added", "Product Removed", "Cart Viewed",
				"Checkout Started", "Order Completed", "Order Refunded", "Order Cancelled", "Email Opened",
				"Email Link Clicked", "Site Visited", "Review Submitted", "NPS Submitted", "Referral Completed")) {
			assertThat(docs).contains("\"" + event + "\":{");
		}
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
