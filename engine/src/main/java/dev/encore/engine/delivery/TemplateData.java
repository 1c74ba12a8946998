package dev.encore.engine.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.engine.event.EventHistory;
import dev.encore.engine.journey.JourneySettings;
import dev.encore.engine.journey.JourneyVariables;
import dev.encore.engine.journey.JourneyVersions;
import dev.encore.engine.journey.sandbox.SettingsVariable;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.referral.ReferralCodes;

/**
 * The data a template renders with, built the same way for a send step and for a preview:
 * {@code customer} (with a referral code only when the template shows one), {@code cart},
 * {@code event}, {@code settings} and {@code journey}.
 */
@Component
class TemplateData {

	static final String REFERRAL_CODE = "customer.referralCode";

	private final MessageTemplates templates;

	private final EventHistory events;

	private final JourneySettings settings;

	private final ReferralCodes referralCodes;

	TemplateData(MessageTemplates templates, EventHistory events, JourneySettings settings,
			ReferralCodes referralCodes) {
		this.templates = templates;
		this.events = events;
		this.settings = settings;
		this.referralCodes = referralCodes;
	}

	/**
	 * What a journey step's template gets: the profile, the event that started the
	 * journey, the journey's settings and the values earlier steps worked out.
	 */
	Map<String, Object> forStep(DelegateExecution execution, SendAttempt attempt, CustomerProfile profile) {
		Map<String, Object> customer = profile.toTemplateData();
		addReferralCode(customer, attempt.deploymentId(), attempt.templateId(), attempt.channel().channel(),
				profile.locale(), () -> this.referralCodes.codeFor(attempt.customerId(), profile.firstName()));
		Object triggerId = execution.getVariable(JourneyVariables.TRIGGER_EVENT_ID);
		Map<String, Object> event = (triggerId == null) ? null
				: this.events.find(triggerId.toString()).map(EventHistory.RecordedEvent::toTemplateData).orElse(null);
		return data(customer, profile.cart(), event,
				this.settings.of(execution.getProcessDefinitionId(), attempt.journeyKey()), journeyValues(execution));
	}

	/**
	 * What a preview renders with: a real customer's profile (when {@code customerId} is
	 * given, with the code they would get, never a new one) or a sample, the settings of
	 * the request, else of the journey version (as a customer entering it gets them), and
	 * the sample values of the request for the rest.
	 * @param journey the journey version named, null for none
	 */
	Map<String, Object> forPreview(String templateId, Channel channel, String locale, Map<String, Object> customer,
			PreviewRequest request, JourneyVersions.JourneyVersion journey) {
		String deploymentId = (journey == null) ? null : journey.deploymentId();
		if (request.customerId() != null) {
			addReferralCode(customer, deploymentId, templateId, channel, locale,
					() -> this.referralCodes.previewCodeFor(request.customerId(), (String) customer.get("firstName")));
		}
		Object cart = (request.cart() != null) ? request.cart() : customer.get("cart");
		Map<String, ?> settings = (request.settings() != null) ? request.settings()
				: (journey == null) ? Map.of() : journey.settings();
		// Settings are journey variables from entry on, so a step sees them there too.
		Map<String, Object> values = (request.journey() != null) ? request.journey() : new HashMap<>(settings);
		return data(customer, (cart == null) ? Map.of() : cart, orEmpty(request.event()), settings, values);
	}

	/** Only a template that shows the code makes one: most customers never refer. */
	private void addReferralCode(Map<String, Object> customer, String deploymentId, String templateId, Channel channel,
			String locale, Supplier<String> code) {
		if (templateId != null && this.templates.mentions(deploymentId, templateId, channel, locale, REFERRAL_CODE)) {
			customer.put("referralCode", code.get());
		}
	}

	private static Map<String, Object> data(Map<String, Object> customer, Object cart, Map<String, Object> event,
			Map<String, ?> settings, Map<String, Object> journey) {
		Map<String, Object> data = new HashMap<>();
		data.put("customer", customer);
		data.put("cart", cart);
		data.put("settings", settings);
		data.put("journey", journey);
		if (event != null) {
			data.put("event", event);
		}
		return data;
	}

	/**
	 * The journey's plain values as this step sees them: its settings and what earlier
	 * steps worked out (e.g. {@code journey.reorderLink}); never the profile, which
	 * templates read as {@code customer}.
	 */
	private static Map<String, Object> journeyValues(DelegateExecution execution) {
		Map<String, Object> values = new HashMap<>(SettingsVariable.of(execution));
		execution.getVariables().forEach((name, value) -> {
			if ((value instanceof String || value instanceof Number || value instanceof Boolean)
					&& !SettingsVariable.NAME.equals(name)) {
				values.put(name, value);
			}
		});
		return values;
	}

	private static <K, V> Map<K, V> orEmpty(Map<K, V> values) {
		return (values == null) ? Map.of() : values;
	}

}
