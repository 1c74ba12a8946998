package dev.encore.engine.intake;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import dev.encore.engine.delivery.MessageLog;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * History updates profiles and starts nothing: an import, whatever its events' dates, and
 * a live event older than {@code encore.intake.live-window}. Before, an order dated two
 * months ago started the post-purchase journey and thanked the customer at once.
 */
class HistoryImportTest extends EncoreIntegrationTest {

	private static final ObjectMapper json = new ObjectMapper();

	@Autowired
	private MessageLog messages;

	@Test
	void importedEventsUpdateTheProfileAndStartNoJourneyEvenWhenRecent() throws Exception {
		String customer = newCustomerId();
		Instant now = this.clock.now();
		String lines = String.join("\n",
				TestEvents.identify(customer, "ada@example.org", "Ada").messageId(customer + "-id").at(now).json(),
				TestEvents.orderCompleted(customer)
					.messageId(customer + "-o1")
					.at(now.minus(Duration.ofDays(60)))
					.json(),
				"",
				// As recent as can be: imported, it is still history.
				TestEvents.orderCompleted(customer).messageId(customer + "-o2").at(now).json());

		JsonNode done = importAndWait(lines, ImportController.JSON_LINES);

		assertThat(done.path("status").asText()).isEqualTo("done");
		assertThat(done.path("lines").asLong()).isEqualTo(3);
		assertThat(done.path("applied").asLong()).isEqualTo(3);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count())
			.as("no journey for imported orders")
			.isZero();
		assertThat(this.messages.forCustomer(customer)).as("nothing sent").isEmpty();
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("ada@example.org"))
			.andExpect(jsonPath("$.orders.orderCount").value(2));

		JsonNode again = importAndWait(lines, ImportController.JSON_LINES);
		assertThat(again.path("duplicates").asLong()).as("a second run changes nothing").isEqualTo(3);
		assertThat(again.path("applied").asLong()).isZero();
	}

	@Test
	void anOrderExportIsReadByItsHeaderAndBadRowsAreNamedByLineAndField() throws Exception {
		String customer = newCustomerId();
		String csv = """
				Order_ID,customer_id,total,currency,timestamp,coupon
				A-1,%1$s,120.50,USD,2026-09-01,
				"A-2",%1$s,"1,000.00",USD,2026-10-01T10:00:00Z,WELCOME
				A-3,%1$s,80,USD,2026-10-02T10:00:00Z,"SPRING, 10%%"
				""".formatted(customer);

		JsonNode done = importAndWait(csv, "text/csv");

		assertThat(done.path("applied").asLong()).isEqualTo(2);
		assertThat(done.path("rejected").asLong()).isEqualTo(1);
		assertThat(done.path("problems").get(0).path("line").asLong()).isEqualTo(3);
		assertThat(done.path("problems").get(0).path("field").asText()).isEqualTo("total");
		this.mvc.perform(get("/api/v1/customers/{id}", customer)).andExpect(jsonPath("$.orders.orderCount").value(2));
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
	}

	@Test
	void aLiveEventOlderThanTheLiveWindowIsHistory() throws Exception {
		String old = newCustomerId();
		send(TestEvents.orderCompleted(old).at(this.clock.now().minus(Duration.ofDays(3))))
			.andExpect(status().isAccepted());
		String fresh = newCustomerId();
		send(TestEvents.orderCompleted(fresh).at(this.clock.now().minus(Duration.ofHours(1))))
			.andExpect(status().isAccepted());

		assertThat(activeJourneys(old, "PostPurchase")).as("three days old: history").isZero();
		assertThat(activeJourneys(fresh, "PostPurchase")).as("an hour old: live").isOne();
	}

	@Test
	void onlyAnAdminImports() throws Exception {
		this.mvc
			.perform(post("/api/v1/imports").contentType(ImportController.JSON_LINES)
				.content("{}")
				.with(user("m").roles("MARKETER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/imports/{id}", "nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Unknown import"));
	}

	private JsonNode importAndWait(String body, String type) throws Exception {
		MvcResult started = this.mvc.perform(post("/api/v1/imports").contentType(type).content(body))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn();
		String location = started.getResponse().getHeader("Location");
		JsonNode[] progress = new JsonNode[1];
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			progress[0] = json.readTree(this.mvc.perform(get(location)).andReturn().getResponse().getContentAsString());
			String status = progress[0].path("status").asText();
			return "done".equals(status) || "failed".equals(status);
		});
		return progress[0];
	}

}
