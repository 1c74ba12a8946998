package dev.encore.engine.journey;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.sandbox.JourneyBean;

/**
 * The channel a customer is best reached on, for gateway conditions such as
 * {@code ${reach.preferred(profile) == 'line'}}: the {@code preferredChannel} trait when
 * that channel reaches them, else LINE, else SMS, else email. SMS and LINE reach a
 * customer with a granted consent and an address ({@code phone}, {@code lineUserId});
 * email is the fallback, its consent left to the guardrails at send time.
 */
@Component("reach")
@JourneyBean
public class ChannelReach {

	static final String EMAIL = "email";

	static final String SMS = "sms";

	static final String LINE = "line";

	/**
	 * {@code line}, {@code sms} or {@code email}; {@code profile} as journeys read it.
	 */
	public String preferred(Map<String, Object> profile) {
		if (profile == null) {
			return EMAIL;
		}
		String wanted = preference(profile);
		if (EMAIL.equals(wanted) && present(profile.get("email"))) {
			return EMAIL;
		}
		if (wanted != null && reaches(profile, wanted)) {
			return wanted;
		}
		if (reaches(profile, LINE)) {
			return LINE;
		}
		return reaches(profile, SMS) ? SMS : EMAIL;
	}

	/** Whether an opt-in channel ({@code sms}, {@code line}) may reach the customer. */
	static boolean reaches(Map<String, Object> profile, String channel) {
		Object address = switch (channel) {
			case SMS -> profile.get("phone");
			case LINE -> profile.get("lineUserId");
			default -> null;
		};
		return present(address) && granted(profile.get("consents"), channel);
	}

	private static String preference(Map<String, Object> profile) {
		if (profile.get("traits") instanceof Map<?, ?> traits) {
			Object wanted = traits.get("preferredChannel");
			if (wanted == null) {
				wanted = traits.get("preferred_channel");
			}
			return present(wanted) ? wanted.toString().strip().toLowerCase(Locale.ROOT) : null;
		}
		return null;
	}

	private static boolean granted(Object consents, String channel) {
		return consents instanceof Map<?, ?> byChannel && byChannel.get(channel) instanceof Map<?, ?> consent
				&& Boolean.TRUE.equals(consent.get("granted"));
	}

	private static boolean present(Object value) {
		return value != null && !value.toString().isBlank();
	}

}
