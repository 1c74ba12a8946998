package dev.encore.engine.channel;

import java.util.List;
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

	/**
	 * What is wrong with an address a person typed for a test send on this channel, null
	 * when it will do. By default the channel takes no typed address (devices, the shop's
	 * own systems).
	 */
	default String addressProblem(String address) {
		return "test sends go to a person's address; " + id() + " has none to type";
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
	 * The message for one send step; a channel that needs the step's inputs or context
	 * overrides this instead of {@link #compose(RenderedTemplate, Supplier)}.
	 * @param rendered null when the step names no template and the channel allows that
	 */
	default ComposedMessage compose(RenderedTemplate rendered, Supplier<String> unsubscribeLink, SendStep step) {
		return compose(rendered, unsubscribeLink);
	}

	/**
	 * Whether a send step must name a template; false for a channel with a message of its
	 * own (a webhook's default envelope).
	 */
	default boolean templateRequired() {
		return true;
	}

	/**
	 * What is wrong with a send step's inputs on this channel, one phrase each, checked
	 * when a journey is deployed; inputs holding an expression are known only at send
	 * time.
	 */
	default List<String> inputProblems(Map<String, String> inputs) {
		return List.of();
	}

	/**
	 * Whether a send reaches a person. A call to the shop's own system (a webhook) does
	 * not: it asks for no consent, counts against no cap, waits out no quiet hours and is
	 * never what {@code reach.preferred} picks.
	 */
	default boolean reachesPerson() {
		return true;
	}

	/**
	 * Whether {@code reach.preferred} tries this channel by its {@link #reachRank()};
	 * false for a channel the customer only sees on a visit (the on-site inbox), which
	 * reach picks only when the customer prefers it.
	 */
	default boolean triedByReach() {
		return reachesPerson();
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
