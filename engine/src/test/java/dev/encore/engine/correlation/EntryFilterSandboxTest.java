package dev.encore.engine.correlation;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.journey.sandbox.HostileJourneys;
import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry filter runs on the intake thread for every trigger event: it gets the same
 * sandbox as the journey's own expressions, and a refused filter lets nobody in.
 */
class EntryFilterSandboxTest extends EncoreIntegrationTest {

	@Autowired
	private EntryFilter filter;

	@Test
	void aFilterThatReachesBeyondTheSandboxRunsNothingAndAdmitsNobody() throws Exception {
		Files.deleteIfExists(HostileJourneys.MARKER);
		CustomerEvent event = new CustomerEvent("m-" + newCustomerId(), EventType.TRACK, "Checkout Started",
				newCustomerId(), Instant.now(), Map.of("total", 10), Map.of(), "test");
		for (String hostile : List.of(HostileJourneys.EXEC, "${event.getClass() != null}",
				"${activeJourneys.getClass().forName('java.lang.System') != null}")) {
			assertThat(this.filter.admits(hostile, "Probe", event, List.of())).as(hostile).isFalse();
		}
		assertThat(HostileJourneys.MARKER).doesNotExist();

		assertThat(this.filter.admits("${event.total == 10 && !activeJourneys.contains('Probe')}", "Probe", event,
				List.of()))
			.isTrue();
		assertThat(this.filter.admits("${activeJourneys.contains('Probe')}", "Probe", event, List.of("Probe")))
			.isTrue();
	}

}
