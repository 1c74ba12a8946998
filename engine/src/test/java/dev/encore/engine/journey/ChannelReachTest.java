package dev.encore.engine.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.push.PushFixtures;
import dev.encore.engine.testsupport.ChannelFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelReachTest {

	private final ChannelReach reach = new ChannelReach(ChannelFixtures.shipped());

	private static final Map<String, Object> GRANTED = Map.of("granted", true);

	private static final Map<String, Object> REVOKED = Map.of("granted", false);

	private static Map<String, Object> profile(String phone, String lineUserId, Map<String, Object> consents,
			String preferred) {
		Map<String, Object> profile = new HashMap<>();
		profile.put("email", "ada@example.org");
		profile.put("phone", phone);
		profile.put("lineUserId", lineUserId);
		profile.put("consents", consents);
		profile.put("traits", preferred == null ? Map.of() : Map.of("preferredChannel", preferred));
		return profile;
	}

	@Test
	void lineBeforeSmsBeforeEmailWithoutAPreference() {
		assertThat(this.reach.preferred(profile("+886912345678", "U1", Map.of("sms", GRANTED, "line", GRANTED), null)))
			.isEqualTo("line");
		assertThat(this.reach.preferred(profile("+886912345678", "U1", Map.of("sms", GRANTED, "line", REVOKED), null)))
			.isEqualTo("sms");
		assertThat(this.reach.preferred(profile("+886912345678", "U1", Map.of(), null))).isEqualTo("email");
	}

	@Test
	void aChannelNeedsBothConsentAndAnAddress() {
		assertThat(this.reach.preferred(profile(null, null, Map.of("sms", GRANTED, "line", GRANTED), null)))
			.isEqualTo("email");
		assertThat(this.reach.preferred(profile("+886912345678", null, Map.of("sms", GRANTED, "line", GRANTED), null)))
			.isEqualTo("sms");
	}

	@Test
	void thePreferredChannelWinsOnlyWhenItReachesTheCustomer() {
		Map<String, Object> both = Map.of("sms", GRANTED, "line", GRANTED);
		assertThat(this.reach.preferred(profile("+886912345678", "U1", both, "SMS"))).isEqualTo("sms");
		assertThat(this.reach.preferred(profile("+886912345678", "U1", both, "email"))).isEqualTo("email");
		assertThat(this.reach.preferred(profile(null, "U1", both, "sms"))).isEqualTo("line");
		assertThat(this.reach.preferred(profile("+886912345678", "U1", both, "pigeon"))).isEqualTo("line");
	}

	/** Every shipped channel: app push, LINE, web push, SMS, email. */
	@Test
	void appPushBeforeLineBeforeWebPushBeforeSmsBeforeEmail() {
		List<ChannelDescriptor> all = new ArrayList<>(ChannelFixtures.shipped().all());
		all.addAll(PushFixtures.channels(List.of("c-1"), List.of("c-1")));
		ChannelReach everywhere = new ChannelReach(new Channels(all));
		Map<String, Object> consents = new HashMap<>(
				Map.of("apppush", GRANTED, "line", GRANTED, "webpush", GRANTED, "sms", GRANTED));
		Map<String, Object> customer = profile("+886912345678", "U1", consents, null);
		customer.put("id", "c-1");

		List<String> reached = new ArrayList<>();
		for (String channel : List.of("apppush", "line", "webpush", "sms")) {
			reached.add(everywhere.preferred(customer));
			consents.put(channel, REVOKED);
		}
		reached.add(everywhere.preferred(customer));

		assertThat(reached).containsExactly("apppush", "line", "webpush", "sms", "email");
		customer.put("id", "c-without-devices");
		consents.putAll(Map.of("apppush", GRANTED, "webpush", GRANTED));
		assertThat(everywhere.preferred(customer)).as("consent without a device").isEqualTo("email");
	}

	@Test
	void anUnknownCustomerIsMailed() {
		assertThat(this.reach.preferred(null)).isEqualTo("email");
		assertThat(this.reach.preferred(Map.of())).isEqualTo("email");
	}

}
