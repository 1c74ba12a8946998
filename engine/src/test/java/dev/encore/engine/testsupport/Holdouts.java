package dev.encore.engine.testsupport;

import java.util.Map;
import java.util.UUID;

import dev.encore.engine.journey.Buckets;

/**
 * The holdouts of the shipped journeys ({@code holdout.percent}), so that a test
 * expecting messages picks customers outside them, and a holdout test one inside. Each
 * journey's scenario test checks its percentage here against its BPMN.
 */
public final class Holdouts {

	/** {@code holdout.percent} by journey key. */
	public static final Map<String, Integer> PERCENT = Map.of("AbandonedCart", 10);

	private Holdouts() {
	}

	/** Whether the customer falls in the journey's holdout, as the engine decides it. */
	public static boolean holdsOut(String journeyKey, String customerId) {
		return Buckets.of(customerId, journeyKey, "holdout") < PERCENT.getOrDefault(journeyKey, 0);
	}

	/** A fresh customer id outside every shipped journey's holdout. */
	public static String outsideAll(String prefix) {
		while (true) {
			String customer = prefix + UUID.randomUUID();
			if (PERCENT.keySet().stream().noneMatch((journey) -> holdsOut(journey, customer))) {
				return customer;
			}
		}
	}

	/** A fresh customer id in the journey's holdout. */
	public static String inside(String journeyKey, String prefix) {
		while (true) {
			String customer = prefix + UUID.randomUUID();
			if (holdsOut(journeyKey, customer)) {
				return customer;
			}
		}
	}

}
