package dev.encore.engine.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps event history for {@code encore.intake.retention}. Every node may purge: the
 * delete is idempotent. Replays older than the retention are deduped by Redis for its
 * window only (retention is never shorter); see
 * docs/decisions/004-dedupe-and-retention.md.
 */
@Component
class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IntakeProperties properties;

	EventRetention(JdbcClient jdbc, Clock clock, IntakeProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Deletes history received before the retention period; returns how many rows. */
	int purge() {
		int purged = this.jdbc.sql("DELETE FROM encore_event WHERE received_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.properties.retention())))
			.update();
		if (purged > 0) {
			log.info("Purged {} events older than {}", purged, this.properties.retention());
		}
		return purged;
	}

	/**
	 * How often {@link Schedule} purges ({@code encore.intake.purge-every}); public for
	 * its SpEL.
	 */
	public Duration every() {
		return this.properties.purgeEvery();
	}

	/** Off in tests, which purge themselves after moving the clock. */
	@Component
	@EnableScheduling
	@ConditionalOnProperty(name = "encore.intake.purge-scheduled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final EventRetention retention;

		Schedule(EventRetention retention) {
			this.retention = retention;
		}

		@Scheduled(fixedDelayString = "#{@eventRetention.every()}", initialDelayString = "PT5M")
		void purge() {
			this.retention.purge();
		}

	}

}
