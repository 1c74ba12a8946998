package dev.encore.engine.journey.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsVariableTest {

	@Test
	void settingsMakeOneSortedTextThatReadsBackParsedOnce() {
		String text = SettingsVariable.encode(Map.of("lastCallDelay", "PT48H", "couponCode", "SAVE \"10\" — 今天"));

		assertThat(text).isEqualTo("{\"couponCode\":\"SAVE \\\"10\\\" — 今天\",\"lastCallDelay\":\"PT48H\"}");
		assertThat(SettingsVariable.decode(text))
			.containsExactlyInAnyOrderEntriesOf(Map.of("lastCallDelay", "PT48H", "couponCode", "SAVE \"10\" — 今天"));
		assertThat(SettingsVariable.decode(new String(text))).isSameAs(SettingsVariable.decode(text));
	}

	@Test
	void aTextThatIsNoSettingsObjectIsRefusedNamingTheVariable() {
		for (String forged : new String[] { "PT1H", "null", "[\"a\"]", "{\"a\":{\"b\":\"c\"}}", "{\"a\":null}" }) {
			assertThatThrownBy(() -> SettingsVariable.decode(forged)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(SettingsVariable.NAME);
		}
	}

}
