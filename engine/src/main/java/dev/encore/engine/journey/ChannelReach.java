package dev.encore.engine.journey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * The channel a customer is best reached on, for gateway conditions such as
 * {@code ${reach.preferred(profile) == 'line'}}: the {@code preferredChannel} trait when
 * that channel reaches them, else the registered channels in their reach order (LINE,
 * SMS, email). An opt-in channel reaches a customer with a granted consent and an address
 * ({@code phone}, {@code lineUserId}); an opt-out one (email) with an address, its
 * consent left to the guardrails at send time. The last channel is the fallback.
 */
@Component("reach")
@JourneyBean
public class ChannelReach {

	private final List<ChannelDescriptor> byReach;

	private final Channels channels;

	ChannelReach(Channels channels) {
		this.channels = channels;
		this.byReach = channels.byReach();
	}

	/**
	 * A channel id such as {@code line}, {@code sms} or {@code email}; {@code profile} as
	 * journeys read it.
	 */
	public String preferred(Map<String, Object> profile) {
		String fallback = this.byReach.get(this.byReach.size() - 1).id();
		if (profile == null) {
			return fallback;
		}
		Optional<ChannelDescriptor> wanted = preference(profile).flatMap(this.channels::find)
			.filter(ChannelDescriptor::reachesPerson);
		if (wanted.isPresent() && reaches(profile, wanted.get())) {
			return wanted.get().id();
		}
		return this.byReach.stream()
			.filter((channel) -> reaches(profile, channel))
			.findFirst()
			.map(ChannelDescriptor::id)
			.orElse(fallback);
	}

	private static boolean reaches(Map<String, Object> profile, ChannelDescriptor channel) {
		Object id = profile.get("id");
		return channel.recipient((id == null) ? null : id.toString(), profile, Map.of()) != null
				&& (channel.guardrails().consent() == ConsentMode.OPT_OUT || granted(profile.get("consents"), channel));
	}

	private static Optional<String> preference(Map<String, Object> profile) {
		if (profile.get("traits") instanceof Map<?, ?> traits) {
			Object wanted = traits.get("preferredChannel");
			if (wanted == null) {
				wanted = traits.get("preferred_channel");
			}
			return present(wanted) ? Optional.of(wanted.toString().strip().toLowerCase(Locale.ROOT)) : Optional.empty();
		}
		return Optional.empty();
	}

	private static boolean granted(Object consents, ChannelDescriptor channel) {
		return consents instanceof Map<?, ?> byChannel
				&& byChannel.get(channel.consentKey()) instanceof Map<?, ?> consent
				&& Boolean.TRUE.equals(consent.get("granted"));
	}

	private static boolean present(Object value) {
		return value != null && !value.toString().isBlank();
	}

}
