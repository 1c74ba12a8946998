package dev.encore.engine.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;

/**
 * A push channel's consent follows its devices: the browser's or phone's permission is
 * the consent, so the first device registered grants it and removing the last withdraws
 * it. Changes go through the one intake path as identify calls, like every consent.
 */
@Component
class PushConsents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PushConsents.class);

	private final EventSink events;

	private final CustomerDevices devices;

	private final Clock clock;

	/**
	 * A send step learns a device is gone inside its job: the withdrawal is applied after
	 * it, on its own, never inside the journey's transaction.
	 */
	private final ExecutorService afterSend = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "encore-push-consents");
		thread.setDaemon(true);
		return thread;
	});

	PushConsents(EventSink events, CustomerDevices devices, Clock clock) {
		this.events = events;
		this.devices = devices;
		this.clock = clock;
	}

	void grant(String customerId, String channel, String source) {
		change(customerId, channel, true, source, this.clock.instant());
	}

	/** Withdraws the consent unless a device is left. */
	void withdrawIfNoDevice(String customerId, String channel, String source) {
		if (this.devices.of(customerId, channel).isEmpty()) {
			change(customerId, channel, false, source, this.clock.instant());
		}
	}

	/**
	 * As {@link #withdrawIfNoDevice}, once the current work is done; dated now, so a
	 * device registered meanwhile keeps its newer grant.
	 */
	void withdrawLaterIfNoDevice(String customerId, String channel, String source) {
		Instant at = this.clock.instant();
		this.afterSend.execute(() -> {
			try {
				if (this.devices.of(customerId, channel).isEmpty()) {
					change(customerId, channel, false, source, at);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not withdraw {} consent of customer={}: {}", channel, customerId, ex.toString());
			}
		});
	}

	private void change(String customerId, String channel, boolean granted, String source, Instant at) {
		Map<String, Object> consent = Map.of("status", granted ? "granted" : "revoked", "source", source, "at",
				at.toString());
		this.events.process(new CustomerEvent("consent:" + UUID.randomUUID(), EventType.IDENTIFY, null, customerId, at,
				Map.of(), Map.of("consents", Map.of(channel, consent)), "consent"));
		log.info("Consent {} {} customer={} source={}", channel, granted ? "granted" : "revoked", customerId, source);
	}

	@Override
	public void destroy() {
		this.afterSend.shutdown();
	}

}
