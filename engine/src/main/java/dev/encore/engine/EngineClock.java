package dev.encore.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A {@link Clock} that reads Camunda's {@link ClockUtil}, so that Encore's timestamps and
 * the engine's timers agree when tests (or a try-out) move time.
 */
class EngineClock extends Clock {

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Encore keeps time in UTC");
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
