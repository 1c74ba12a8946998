package dev.encore.engine.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileExtension;

/**
 * An app that identifies its shopper with the FCM token ({@code fcmToken} or
 * {@code fcm_token}, or {@code devices: [{"token": ..., "platform": "ios"}]}) registers
 * it as the app-push token endpoint does; a new token grants {@code apppush} consent in
 * the same profile write. Support sees the device counts as {@code profile.push}.
 */
@Component
@Order(10)
class AppPushTraits implements ProfileExtension {

	/** Tokens one identify call may register: a cap on what one event can add. */
	private static final int MAX_TOKENS = 10;

	private final CustomerDevices devices;

	AppPushTraits(CustomerDevices devices) {
		this.devices = devices;
	}

	@Override
	public String name() {
		return "push";
	}

	@Override
	public Applied apply(CustomerProfile profile, CustomerEvent event) {
		if (event.type() != EventType.IDENTIFY || event.traits() == null) {
			return Applied.unchanged(profile);
		}
		boolean added = false;
		for (Device device : tokens(event.traits(), event.timestamp())) {
			added |= this.devices.register(profile.customerId(), AppPushChannel.ID, device);
		}
		// A retried event finds its token stored already: grant what was never recorded.
		boolean neverRecorded = profile.consent(AppPushChannel.ID) == null;
		if (!added && !(neverRecorded && !this.devices.of(profile.customerId(), AppPushChannel.ID).isEmpty())) {
			return Applied.unchanged(profile);
		}
		Map<String, Object> grant = Map.of("status", "granted", "source", "identify:fcmToken", "at",
				event.timestamp().toString());
		return Applied.unchanged(profile.withTraits(Map.of("consents", Map.of(AppPushChannel.ID, grant)),
				event.timestamp(), "identify"));
	}

	@Override
	public Object view(CustomerProfile profile, Instant now) {
		return Map.of(WebPushChannel.ID, this.devices.of(profile.customerId(), WebPushChannel.ID).size(),
				AppPushChannel.ID, this.devices.of(profile.customerId(), AppPushChannel.ID).size());
	}

	static List<Device> tokens(Map<String, Object> traits, Instant at) {
		List<Device> tokens = new ArrayList<>();
		add(tokens, traits.containsKey("fcmToken") ? traits.get("fcmToken") : traits.get("fcm_token"), null, at);
		if (traits.get("devices") instanceof List<?> listed) {
			for (Object item : listed) {
				if (item instanceof Map<?, ?> device) {
					Object token = device.containsKey("token") ? device.get("token") : device.get("fcmToken");
					add(tokens, token, device.get("platform"), at);
				}
			}
		}
		return tokens.size() > MAX_TOKENS ? tokens.subList(0, MAX_TOKENS) : tokens;
	}

	private static void add(List<Device> tokens, Object token, Object platform, Instant at) {
		if (token instanceof String text && !text.isBlank() && text.length() <= 4096 && !text.contains(" ")) {
			tokens.add(new Device(text.strip(),
					(platform instanceof String name && !name.isBlank()) ? Map.of("platform", name) : Map.of(), at));
		}
	}

}
