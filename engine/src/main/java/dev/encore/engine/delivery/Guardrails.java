package dev.encore.engine.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.delivery.GuardrailProperties.CapRule;
import dev.encore.engine.journey.JourneyModel;
import dev.encore.engine.journey.JourneyProperties;
import dev.encore.engine.profile.Consent;
import dev.encore.engine.profile.CustomerProfile;

/**
 * Decides, before every send and always in this order, whether it may go now: consent,
 * sunset (marketing only), suppression list, frequency cap, quiet hours. The first rule
 * that says no explains the decision. Transactional messages skip caps and quiet hours;
 * they stop only at a suppressed address or an SMS/LINE consent the customer withdrew
 * (STOP, unfollow). A channel that reaches no person (a webhook) goes without any.
 */
@Component
class Guardrails {

	private final GuardrailProperties properties;

	private final SuppressionList suppressions;

	private final FrequencyCaps caps;

	private final JourneyModel journeys;

	private final ZoneId shopZone;

	Guardrails(GuardrailProperties properties, SuppressionList suppressions, FrequencyCaps caps, JourneyModel journeys,
			JourneyProperties journeyProperties) {
		this.properties = properties;
		this.suppressions = suppressions;
		this.caps = caps;
		this.journeys = journeys;
		this.shopZone = journeyProperties.defaultTimeZone();
	}

	Decision check(Send send, CustomerProfile profile, String recipient, Instant now) {
		if (!send.channel().reachesPerson()) {
			// A call to the shop's own system, not a message to the customer.
			return Decision.go();
		}
		String channel = send.channel().id();
		Optional<String> refused = consent(send, profile.consents().get(send.channel().consentKey()))
			.or(() -> sunset(send, profile))
			.or(() -> this.suppressions.find(send.channel().channel(), recipient)
				.map((entry) -> "suppressed:" + entry.reason().id()));
		if (refused.isPresent()) {
			return Decision.suppress(refused.get());
		}
		if (send.type() == MessageType.TRANSACTIONAL) {
			return Decision.go();
		}
		ZoneId zone = zoneOf(profile);
		LocalDate day = now.atZone(zone).toLocalDate();
		FrequencyCaps.Take take = this.caps.take(profile.customerId(), send.key(), channel, day, rulesFor(send));
		if (take.full() != null) {
			String reason = "capped:" + take.full().name();
			return this.properties.whenCapped() == GuardrailProperties.WhenCapped.WAIT
					? Decision.defer(day.plusDays(1).atStartOfDay(zone).toInstant(), reason)
					: Decision.suppress(reason);
		}
		Optional<Instant> quiet = QuietHours.deferUntil(this.properties.quietHoursFor(send.channel()), zone, now);
		if (quiet.isPresent()) {
			// The deferred send counts on the day it goes out, not on the day it waited.
			release(send, profile.customerId());
			return Decision.defer(quiet.get(), "quiet_hours:" + channel);
		}
		return Decision.go();
	}

	/**
	 * Gives back the cap slot the send holds, if any, to the day it was taken on: its
	 * message did not go out after all.
	 */
	void release(Send send, String customerId) {
		if (send.type() == MessageType.MARKETING) {
			this.caps.release(customerId, send.key(), send.channel().id());
		}
	}

	void suppress(Channel channel, String address, SuppressionList.Reason reason) {
		this.suppressions.add(channel, address, reason);
	}

	private Optional<String> consent(Send send, Consent consent) {
		String channel = send.channel().id();
		boolean withdrawn = consent != null && !consent.granted();
		if (send.type() == MessageType.TRANSACTIONAL) {
			// An unsubscribe covers marketing email; STOP and unfollow cover every
			// message.
			return withdrawn && send.channel().guardrails().withdrawalStopsTransactional()
					? Optional.of("unsubscribed:" + channel) : Optional.empty();
		}
		if (withdrawn) {
			return Optional.of("unsubscribed:" + channel);
		}
		if (consent == null && this.properties.consentFor(send.channel()) == ConsentMode.OPT_IN) {
			return Optional.of("no_consent:" + channel);
		}
		return Optional.empty();
	}

	/** A win-back journey gave up on the customer: no marketing until they order. */
	private static Optional<String> sunset(Send send, CustomerProfile profile) {
		return send.type() == MessageType.MARKETING && profile.sunset() ? Optional.of("sunset") : Optional.empty();
	}

	/**
	 * The configured caps, changed by the journey's {@code caps} ({@code off}) and
	 * {@code caps.<rule>} (a maximum) properties.
	 */
	private List<CapRule> rulesFor(Send send) {
		Map<String, String> journey = this.journeys.properties(send.processDefinitionId());
		if ("off".equalsIgnoreCase(journey.get("caps"))) {
			return List.of();
		}
		List<CapRule> rules = new ArrayList<>();
		for (CapRule rule : this.properties.caps()) {
			String override = journey.get("caps." + rule.name());
			rules.add(override == null ? rule : rule.withMax(Integer.parseInt(override.strip())));
		}
		return rules;
	}

	private ZoneId zoneOf(CustomerProfile profile) {
		return profile.timeZone() == null ? this.shopZone : ZoneId.of(profile.timeZone());
	}

	/** What a step sends, as far as the guardrails care. */
	/** {@code key}: the send key, one per step and instance, kept across retries. */
	record Send(String key, ChannelDescriptor channel, MessageType type, String processDefinitionId) {
	}

	/** Go, suppressed with a reason, or deferred until an instant. */
	record Decision(Outcome outcome, String reason, Instant until) {

		static Decision go() {
			return new Decision(Outcome.GO, null, null);
		}

		static Decision suppress(String reason) {
			return new Decision(Outcome.SUPPRESS, reason, null);
		}

		static Decision defer(Instant until, String reason) {
			return new Decision(Outcome.DEFER, reason, until);
		}

	}

	enum Outcome {

		GO, SUPPRESS, DEFER

	}

}
