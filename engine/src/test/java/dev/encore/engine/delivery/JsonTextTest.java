package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

	@Test
	void stringsAreEscapedSoDataCannotAddFields() {
		Map<String, Object> data = JsonText.escape(Map.of("customer",
				Map.of("firstName", "Ada\", \"admin\": \"true", "tags", List.of("a\nb")), "count", 3));

		String json = "{\"name\": \"" + ((Map<?, ?>) data.get("customer")).get("firstName") + "\"}";
		assertThat(JsonText.fields(json)).containsExactly(Map.entry("name", "Ada\", \"admin\": \"true"));
		assertThat(((Map<?, ?>) data.get("customer")).get("tags")).isEqualTo(List.of("a\\nb"));
		assertThat(data.get("count")).isEqualTo(3);
	}

	@Test
	void fieldsAreTheTopLevelValuesAndOnlyAnObjectIsAccepted() {
		assertThat(JsonText.fields("{\"title\": \"Hi\", \"n\": 2, \"image\": null, \"meta\": {\"a\": 1}}"))
			.containsExactly(Map.entry("title", "Hi"), Map.entry("n", "2"), Map.entry("meta", "{\"a\":1}"));
		assertThatThrownBy(() -> JsonText.fields("{\"title\": \"Hi\",}")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> JsonText.fields("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
	}

}
