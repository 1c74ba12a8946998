package dev.encore.engine.repurchase;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.engine.journey.InvalidJourneyException;
import dev.encore.engine.journey.sandbox.JourneyBean;
import dev.encore.engine.journey.sandbox.SettingsVariable;

/**
 * How long customers usually take to buy again, by the main category of the order that
 * started the journey ({@link OrderLine#mainCategory}): the journey setting
 * {@code repurchaseInterval.<category>}, else {@code repurchaseInterval.default}. A timer
 * waits {@code ${repurchase.interval(execution)}}.
 * {@code repurchase.recommend(execution)} picks what goes well with that order:
 * {@code complementary.<category>} (else {@code complementary.default}), a collection
 * URL, as the journey values {@code mainCategory} and {@code complementaryUrl}. Category
 * keys are lower case with dashes for spaces ({@code Coffee Beans} →
 * {@code coffee-beans}).
 */
@Component("repurchase")
@JourneyBean
public class RepurchaseIntervals {

	static final String INTERVAL = "repurchaseInterval.";

	static final String COMPLEMENTARY = "complementary.";

	private final JourneyOrders orders;

	RepurchaseIntervals(JourneyOrders orders) {
		this.orders = orders;
	}

	/** The ISO-8601 duration to wait before nudging towards a second order. */
	public String interval(DelegateExecution execution) {
		return setting(execution, INTERVAL, mainCategory(execution));
	}

	/** Sets {@code mainCategory} and {@code complementaryUrl} for the messages. */
	public void recommend(DelegateExecution execution) {
		String category = mainCategory(execution);
		execution.setVariable("mainCategory", category == null ? "" : category);
		execution.setVariable("complementaryUrl", setting(execution, COMPLEMENTARY, category));
	}

	private String mainCategory(DelegateExecution execution) {
		return OrderLine.mainCategory(OrderLine.of(this.orders.trigger(execution).properties()));
	}

	static String key(String category) {
		return category.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
	}

	private static String setting(DelegateExecution execution, String prefix, String category) {
		Object value = category == null ? null : SettingsVariable.read(execution, prefix + key(category));
		value = value != null ? value : SettingsVariable.read(execution, prefix + "default");
		if (value == null || value.toString().isBlank()) {
			throw new InvalidJourneyException("Journey setting " + prefix + "default is missing");
		}
		return value.toString().strip();
	}

}
