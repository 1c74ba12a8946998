package dev.encore.engine.repurchase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When an order's consumables run out: the order time plus quantity × usage per unit.
 * Consumables running out at the same instant share one reminder.
 */
record RunOut(Instant at, List<OrderLine> lines) {

	/** The order's run-outs, earliest first. */
	static List<RunOut> of(Instant orderedAt, List<OrderLine> lines) {
		Map<Instant, List<OrderLine>> byTime = new TreeMap<>();
		for (OrderLine line : lines) {
			if (line.consumable()) {
				byTime.computeIfAbsent(orderedAt.plus(line.usage()), (at) -> new ArrayList<>()).add(line);
			}
		}
		return byTime.entrySet()
			.stream()
			.map((entry) -> new RunOut(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
	}

	/** The run-out at the given instant, if the order has one. */
	static List<OrderLine> linesAt(Instant orderedAt, List<OrderLine> lines, Instant at) {
		return of(orderedAt, lines).stream()
			.filter((runOut) -> runOut.at().equals(at))
			.findFirst()
			.map(RunOut::lines)
			.orElse(List.of());
	}

}
