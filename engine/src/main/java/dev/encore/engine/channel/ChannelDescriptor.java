package dev.encore.engine.channel;

import java.util.Map;
import java.util.function.Supplier;

import dev.encore.connectors.Channel;

/**
 * Everything Encore needs to know of one channel, written once: the send step, reach,
 * consents, guardrails, templates and journey validation read it from {@link Channels}. A
 * new channel is its connector ({@code MessageSender}) plus one bean of this type.
 */
public interface ChannelDescriptor {

	Channel channel();

	default String id() {
		return channel().id();
	}

	/**
	 * The profile field holding the customer's address on this channel, as templates see
	 * it ({@code customer.<field>}): {@code email}, {@code phone}, a trait...
	 */
	String recipientField();

	/**
	 * Where a send step reaches the customer on this channel, null when it cannot: by
	 * default the profile field {@link #recipientField()}. A channel whose address lives
	 * elsewhere (devices registered to the customer, the step's own inputs) overrides it.
	 * @param customer the profile as templates and journeys read it
	 * @param inputs the send step's input parameters
	 */
	default String recipient(String customerId, Map<String, Object> customer, Map<String, Object> inputs) {
		Object address = customer.get(recipientField());
		return (address == null || address.toString().isBlank()) ? null : address.toString();
	}

	/** The key of this channel's consent in the profile's {@code consents}. */
	default String consentKey() {
		return id();
	}

	/** The id of the element template marketers apply to send on this channel. */
	String elementTemplateId();

	/** How the channel's templates are written and rendered. */
	TemplateFormat templateFormat();

	/**
	 * The message to hand to the connector, from its rendered template.
	 * @param unsubscribeLink a signed one-click link for this customer and channel, made
	 * only when asked for
	 */
	ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink);

	/**
	 * As {@link #compose(RenderedTemplate, Supplier)}, for a channel whose message also
	 * takes the send step's inputs (web push: {@code ttl}, {@code urgency}).
	 * @param inputs the send step's input parameters
	 */
	default ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink,
			Map<String, Object> inputs) {
		return compose(rendered, unsubscribeLink);
	}

	/** Guardrails when {@code encore.guardrails.*} says nothing of this channel. */
	GuardrailDefaults guardrails();

	/**
	 * The order in which {@code reach.preferred} tries channels, lowest first; the last
	 * one reaches everyone (the fallback).
	 */
	int reachRank();

	/**
	 * Whether the provider recognises a repeated send key (LINE's retry key), so a rerun
	 * that finds an interrupted send may ask again; for other channels
	 * {@code encore.delivery.unknown-policy} decides.
	 */
	default boolean providerDeduplicates() {
		return false;
	}

}
