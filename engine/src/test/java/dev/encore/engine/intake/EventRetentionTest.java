package dev.encore.engine.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Event history is kept for the configured retention (30 days by default), then purged.
 */
class EventRetentionTest extends EncoreIntegrationTest {

	@Autowired
	EventRetention retention;

	@Autowired
	EventHistory events;

	@Test
	void eventsOlderThanTheRetentionArePurgedAndNewerOnesKept() throws Exception {
		String customer = newCustomerId();
		TestEvents old = TestEvents.track("Site Visited", customer);
		send(old).andExpect(jsonPath("$.status").value("accepted"));
		this.clock.setTo(START.plus(Duration.ofDays(29)));
		TestEvents recent = TestEvents.track("Product Viewed", customer);
		send(recent).andExpect(jsonPath("$.status").value("accepted"));

		this.clock.setTo(START.plus(Duration.ofDays(30)).plusSeconds(1));
		assertThat(this.retention.purge()).isPositive();

		assertThat(this.events.forCustomer(customer)).extracting(EventHistory.RecordedEvent::messageId)
			.containsExactly(recent.messageId());
		send(recent).andExpect(jsonPath("$.status").value("duplicate"));
	}

}
