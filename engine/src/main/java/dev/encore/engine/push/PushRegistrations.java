package dev.encore.engine.push;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Devices registered and removed by the storefront or the app, with the consent that goes
 * with them: a new device grants its channel's consent, the last one removed withdraws
 * it. Registering the same address again only refreshes its keys.
 */
@Component
class PushRegistrations {

	private static final Logger log = LoggerFactory.getLogger(PushRegistrations.class);

	private final CustomerDevices devices;

	private final PushConsents consents;

	private final Clock clock;

	PushRegistrations(CustomerDevices devices, PushConsents consents, Clock clock) {
		this.devices = devices;
		this.consents = consents;
		this.clock = clock;
	}

	/**
	 * @return whether the device was new
	 */
	boolean register(String customerId, String channel, String address, Map<String, String> keys, String source) {
		boolean added = this.devices.register(customerId, channel, new Device(address, keys, this.clock.instant()));
		if (added) {
			log.info("Registered a {} device for customer={} ({})", channel, customerId, source);
			this.consents.grant(customerId, channel, source);
		}
		return added;
	}

	/**
	 * @return whether the customer had the device
	 */
	boolean remove(String customerId, String channel, String address, String source) {
		boolean removed = this.devices.remove(customerId, channel, address);
		if (removed) {
			log.info("Removed a {} device of customer={} ({})", channel, customerId, source);
			this.consents.withdrawIfNoDevice(customerId, channel, source);
		}
		return removed;
	}

	/**
	 * The push service says the device is gone: during a send, so consent follows later.
	 */
	void gone(String customerId, String channel, String address) {
		if (this.devices.remove(customerId, channel, address)) {
			log.info("A {} device of customer={} is gone", channel, customerId);
			this.consents.withdrawLaterIfNoDevice(customerId, channel, channel + "-gone");
		}
	}

	List<Device> of(String customerId, String channel) {
		return this.devices.of(customerId, channel);
	}

}
