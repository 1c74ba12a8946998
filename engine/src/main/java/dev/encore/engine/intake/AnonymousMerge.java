package dev.encore.engine.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventType;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * Moves what an anonymous visitor started to the customer they logged in as: the cart is
 * re-emitted as the customer's {@code Checkout Started} (so the cart journey runs for
 * someone Encore can reach) and the visitor's own journeys end. The re-emitted event's id
 * derives from both ids and the cart, so a replayed alias or identify changes nothing.
 */
@Component
class AnonymousMerge {

	private static final Logger log = LoggerFactory.getLogger(AnonymousMerge.class);

	static final String ANONYMOUS = "anonymous:";

	private final Aliases aliases;

	private final ProfileStore profiles;

	private final EventProcessor processor;

	private final RuntimeService runtime;

	private final Clock clock;

	AnonymousMerge(Aliases aliases, ProfileStore profiles, EventProcessor processor, RuntimeService runtime,
			Clock clock) {
		this.aliases = aliases;
		this.profiles = profiles;
		this.processor = processor;
		this.runtime = runtime;
		this.clock = clock;
	}

	/** The customer id an anonymous visitor's events are applied to. */
	String customerOf(String anonymousId) {
		return this.aliases.customerOf(anonymousId).orElse(ANONYMOUS + anonymousId);
	}

	void merge(String anonymousId, String customerId) {
		this.aliases.link(anonymousId, customerId);
		String visitor = ANONYMOUS + anonymousId;
		CustomerProfile anonymous = this.profiles.find(visitor).orElse(null);
		if (anonymous == null || anonymous.cart().isEmpty()) {
			return;
		}
		Map<String, Object> cart = anonymous.cart();
		String messageId = "merge-" + UUID
			.nameUUIDFromBytes((visitor + "|" + customerId + "|" + cart.hashCode()).getBytes(StandardCharsets.UTF_8));
		this.processor.process(new CustomerEvent(messageId, EventType.TRACK, "Checkout Started", customerId,
				this.clock.instant(), cart, null, "merge"));
		for (ProcessInstance journey : this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(visitor)
			.list()) {
			this.runtime.deleteProcessInstance(journey.getId(), "merged into customer " + customerId, true, true);
		}
		this.profiles.save(anonymous.withCart(Map.of()));
		log.info("Merged anonymous cart into customer={}", customerId);
	}

}
