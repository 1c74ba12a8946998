package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ConsentMode;

/**
 * What may be sent to whom and when ({@code encore.guardrails.*}); see
 * journeys/README.md, "Guardrails". Checked before every send in this order: consent,
 * sunset (marketing), suppression list, frequency caps, quiet hours; transactional steps
 * skip caps and quiet hours. The defaults are written once, in the constructor.
 *
 * @param consent per channel: {@code opt-in} (a granted consent is required for
 * marketing) or {@code opt-out} (marketing goes unless the customer withdrew); a channel
 * not named here keeps its descriptor's default (email opt-out: soft opt-in for a shop's
 * own customers, use opt-in where the law asks for it; sms and line opt-in)
 * @param caps frequency caps on marketing messages, all enforced together, counted per
 * calendar day of the customer's time zone; a journey changes them with the process
 * property {@code caps.<name>=<max>}, or {@code caps=off}. Default: {@code sms_per_day}
 * (sms, 1 a day) and {@code marketing_per_week} (any channel, 3 in 7 days)
 * @param whenCapped {@code skip} the step (the journey moves on; default) or {@code wait}
 * for the next day the cap allows
 * @param quietHours per channel, {@code HH:mm-HH:mm} in the customer's time zone (else
 * {@code encore.journeys.default-time-zone}): marketing sends falling inside wait for the
 * end of the window; when not set at all, each channel's descriptor default (21:00-09:00
 * for sms and line)
 */
@Validated
@ConfigurationProperties("encore.guardrails")
record GuardrailProperties(Map<String, ConsentMode> consent, @Valid List<CapRule> caps, WhenCapped whenCapped,
		Map<String, String> quietHours) {

	GuardrailProperties {
		consent = consent == null ? Map.of() : Map.copyOf(consent);
		caps = caps == null
				? List.of(new CapRule("sms_per_day", "sms", 1, 1), new CapRule("marketing_per_week", "any", 3, 7))
				: List.copyOf(caps);
		whenCapped = whenCapped == null ? WhenCapped.SKIP : whenCapped;
		if (quietHours != null) {
			quietHours = Map.copyOf(quietHours);
			quietHours.values().forEach(QuietHours.Window::parse);
		}
	}

	ConsentMode consentFor(ChannelDescriptor channel) {
		return this.consent.getOrDefault(channel.id(), channel.guardrails().consent());
	}

	/** The channel's quiet hours, null for none. */
	String quietHoursFor(ChannelDescriptor channel) {
		return this.quietHours == null ? channel.guardrails().quietHours() : this.quietHours.get(channel.id());
	}

	enum WhenCapped {

		SKIP, WAIT

	}

	/**
	 * At most {@code max} marketing messages on {@code channel} ({@code any} for all) in
	 * {@code days} calendar days (today and the days before) of the customer's zone.
	 */
	record CapRule(@NotBlank String name, @NotBlank String channel, @Min(0) int max, @Min(1) int days) {

		boolean covers(String sendChannel) {
			return "any".equals(this.channel) || this.channel.equals(sendChannel);
		}

		CapRule withMax(int newMax) {
			return new CapRule(this.name, this.channel, newMax, this.days);
		}

	}

}
