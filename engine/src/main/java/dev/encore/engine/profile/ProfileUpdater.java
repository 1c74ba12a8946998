package dev.encore.engine.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventNames;
import dev.encore.engine.event.EventType;

/**
 * Turns events into profile changes: one read and at most one write of the store per
 * event, extensions ({@link ProfileExtension}: loyalty) included. Returns the internal
 * events the change implies ({@code Lifecycle Stage Changed}, {@code Tier Changed}), for
 * the caller to record and correlate in the event's transaction. In a transaction the
 * profile is written at its commit ({@link TransactionalProfileStore}), and put back if
 * the commit fails.
 */
@Component
public class ProfileUpdater {

	private static final Logger log = LoggerFactory.getLogger(ProfileUpdater.class);

	static final String CHECKOUT_STARTED = "Checkout Started";

	static final String ORDER_COMPLETED = "Order Completed";

	static final String ORDER_REFUNDED = "Order Refunded";

	static final String EMAIL_OPENED = "Email Opened";

	static final String EMAIL_LINK_CLICKED = "Email Link Clicked";

	/** A visit to the shop (also what a Segment page or screen call amounts to). */
	public static final String SITE_VISITED = "Site Visited";

	static final String REFERRAL_COMPLETED = "Referral Completed";

	private final ProfileStore store;

	private final Lifecycle lifecycle;

	private final ProfileProperties properties;

	/** The consents a profile keeps: one per registered channel. */
	private final Set<String> consentKeys;

	/**
	 * In their {@code @Order}: a later one sees what an earlier one made of the event.
	 */
	private final List<ProfileExtension> extensions;

	@Autowired
	ProfileUpdater(ProfileStore store, Lifecycle lifecycle, ProfileProperties properties, Channels channels,
			List<ProfileExtension> extensions) {
		this.store = store;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.consentKeys = channels.all()
			.stream()
			.filter(ChannelDescriptor::reachesPerson)
			.map(ChannelDescriptor::consentKey)
			.collect(Collectors.toSet());
		this.extensions = List.copyOf(extensions);
	}

	/** The profile's own fields only, no extension. */
	ProfileUpdater(ProfileStore store, Lifecycle lifecycle, ProfileProperties properties, Channels channels) {
		this(store, lifecycle, properties, channels, List.of());
	}

	/**
	 * Reads these customers' profiles in one go, for the {@link #apply}s that follow in
	 * the same transaction.
	 */
	public void readAhead(Collection<String> customerIds) {
		this.store.findAll(customerIds);
	}

	public List<CustomerEvent> apply(CustomerEvent event) {
		Optional<CustomerProfile> known = this.store.find(event.customerId());
		CustomerProfile current = known.orElseGet(() -> CustomerProfile.empty(event.customerId()));
		CustomerProfile updated = updated(current, event);
		LifecycleStage stage = this.lifecycle.stageOf(updated, updated.orders().stats(this.properties.priceBands()));
		LifecycleState state = updated.lifecycle();
		List<CustomerEvent> derived = new ArrayList<>();
		boolean firstSighting = state.stage() == null && stage == LifecycleStage.PROSPECT;
		if (stage != state.stage() && !firstSighting) {
			updated = updated.withLifecycle(state.changedTo(stage, event.messageId()));
			derived.add(stageChanged(event, updated.lifecycle()));
			log.info("Lifecycle of customer={} changed from {} to {}", event.customerId(),
					updated.lifecycle().previous().id(), stage.id());
		}
		else if (event.messageId().equals(state.changedBy())) {
			// The same event again after its transaction rolled back and the profile
			// could not be restored (Redis gone): the profile holds the change, the
			// journeys do not.
			derived.add(stageChanged(event, state));
		}
		for (ProfileExtension extension : this.extensions) {
			ProfileExtension.Applied applied = extension.apply(updated, event);
			updated = applied.profile();
			derived.addAll(applied.events());
		}
		if (!updated.equals(current)) {
			this.store.save(updated);
		}
		return derived;
	}

	private CustomerProfile updated(CustomerProfile profile, CustomerEvent event) {
		CustomerProfile result = profile;
		if (!event.traits().isEmpty()) {
			result = result.withTraits(Consents.ofChannels(event.traits(), this.consentKeys), event.timestamp(),
					event.source());
		}
		if (event.type() != EventType.TRACK) {
			return result;
		}
		return switch (event.name()) {
			case CHECKOUT_STARTED -> result.withCart(event.properties());
			case ORDER_COMPLETED -> {
				String orderId = StorefrontOrders.orderId(event);
				// A customer who buys again is no longer given up on: marketing may
				// resume.
				yield result.withCart(Map.of())
					.withOrders(result.orders()
						.withOrder(orderId == null ? event.messageId() : orderId, StorefrontOrders.order(event)))
					.withLifecycle(result.lifecycle().sunsetLifted());
			}
			case ORDER_REFUNDED -> refunded(result, event);
			case EMAIL_OPENED -> result.withEngagement(result.engagement().withEmailOpen(event.timestamp()));
			case EMAIL_LINK_CLICKED -> result.withEngagement(result.engagement().withClick(event.timestamp()));
			case SITE_VISITED -> result.withEngagement(result.engagement().withVisit(event.timestamp()));
			case REFERRAL_COMPLETED -> result.withLifecycle(result.lifecycle().advocateSince(event.timestamp()));
			default -> result;
		};
	}

	private static CustomerProfile refunded(CustomerProfile profile, CustomerEvent event) {
		String orderId = StorefrontOrders.orderId(event);
		if (orderId == null) {
			log.warn("Refund {} of customer={} names no order_id; ignored", event.messageId(), event.customerId());
			return profile;
		}
		return profile
			.withOrders(profile.orders().withRefund(event.messageId(), StorefrontOrders.refund(event, orderId)));
	}

	private static CustomerEvent stageChanged(CustomerEvent cause, LifecycleState state) {
		// Derived from the causing event's id, so a replay is deduplicated like any
		// event.
		String messageId = "lifecycle-" + UUID.nameUUIDFromBytes(cause.messageId().getBytes(StandardCharsets.UTF_8));
		return new CustomerEvent(messageId, EventType.TRACK, EventNames.LIFECYCLE_STAGE_CHANGED, cause.customerId(),
				cause.timestamp(),
				Map.of("from", state.previous().id(), "to", state.stage().id(), "cause", cause.messageId()), Map.of(),
				EventNames.INTERNAL_SOURCE);
	}

}
