package dev.encore.engine.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.encore.engine.channel.ChannelDescriptor;

/** The push channels as the application registers them, for tests without Spring. */
public final class PushFixtures {

	private PushFixtures() {
	}

	/**
	 * Web push and app push, the first customers with a subscribed browser, the second
	 * with the app.
	 */
	public static List<ChannelDescriptor> channels(List<String> withBrowser, List<String> withApp) {
		CustomerDevices devices = new InMemoryCustomerDevices();
		Instant now = Instant.parse("2026-11-23T09:00:00Z");
		withBrowser.forEach((customer) -> devices.register(customer, WebPushChannel.ID,
				new Device("https://fcm.googleapis.com/fcm/send/" + customer, Map.of(), now)));
		withApp.forEach((customer) -> devices.register(customer, AppPushChannel.ID,
				new Device("token-" + customer, Map.of(), now)));
		WebPushProperties defaults = new WebPushProperties(null, null, null, null, Duration.ofSeconds(10),
				Duration.ofDays(1), "normal");
		return List.of(new WebPushChannel(devices, defaults), new AppPushChannel(devices));
	}

}
