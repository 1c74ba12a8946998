package dev.encore.engine.journey;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

	@Test
	void anUnknownCustomerIsMailed() {
		assertThat(this.reach.preferred(null)).isEqualTo("email");
		assertThat(this.reach.preferred(Map.of())).isEqualTo("email");
	}

}
