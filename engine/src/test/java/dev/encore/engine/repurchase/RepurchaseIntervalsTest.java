package dev.encore.engine.repurchase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import dev.encore.engine.event.EventHistory.RecordedEvent;
import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.sandbox.SettingsVariable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RepurchaseIntervalsTest {

	private final JourneyOrders orders = mock(JourneyOrders.class);

	private final RepurchaseIntervals intervals = new RepurchaseIntervals(this.orders);

	private final DelegateExecution execution = mock(DelegateExecution.class);

	private final Map<String, String> settings = Map.of("repurchaseInterval.default", "P30D",
			"repurchaseInterval.coffee-beans", "P21D", "complementary.default", "https://shop.example/best",
			"complementary.coffee-beans", "https://shop.example/brewing");

	@Test
	void waitsTheMainCategorysIntervalElseTheDefault() {
		withSettings(this.settings);
		ordered(Map.of("sku", "b", "category", "Coffee Beans", "price", 20));
		assertThat(this.intervals.interval(this.execution)).isEqualTo("P21D");

		ordered(Map.of("sku", "s", "category", "Soap", "price", 20));
		assertThat(this.intervals.interval(this.execution)).isEqualTo("P30D");

		ordered(Map.of("sku", "x"));
		assertThat(this.intervals.interval(this.execution)).isEqualTo("P30D");
	}

	@Test
	void recommendsTheComplementaryCollectionOfTheMainCategory() {
		withSettings(this.settings);
		ordered(Map.of("sku", "b", "category", "Coffee Beans", "price", 20));

		this.intervals.recommend(this.execution);

		verify(this.execution).setVariable("mainCategory", "Coffee Beans");
		verify(this.execution).setVariable("complementaryUrl", "https://shop.example/brewing");
	}

	@Test
	void aJourneyWithoutTheDefaultSettingFailsNamingIt() {
		withSettings(Map.of());
		ordered(Map.of("sku", "x"));

		assertThatThrownBy(() -> this.intervals.interval(this.execution)).isInstanceOf(InvalidJourneyException.class)
			.hasMessageContaining("repurchaseInterval.default");
	}

	@Test
	void categoryKeysAreLowerCaseWithDashes() {
		assertThat(RepurchaseIntervals.key(" Coffee  Beans ")).isEqualTo("coffee-beans");
	}

	private void withSettings(Map<String, String> values) {
		// As a customer enters: the settings in one variable, none of their own.
		when(this.execution.getVariable(anyString())).thenAnswer(
				(call) -> SettingsVariable.NAME.equals(call.getArgument(0)) ? SettingsVariable.encode(values) : null);
	}

	private void ordered(Map<String, Object> product) {
		when(this.orders.trigger(any()))
			.thenReturn(new RecordedEvent("m-1", "track", "Order Completed", Instant.parse("2026-11-23T09:00:00Z"),
					Instant.parse("2026-11-23T09:00:00Z"), "http", Map.of("products", List.of(product))));
	}

}
