package dev.encore.engine.repurchase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A one-click reorder link: the shop's reorder page with
 * {@code items=<id>:<quantity>,...} (ids URL-encoded, so an id with {@code ,}, {@code &}
 * or spaces cannot break the list).
 */
final class ReorderLink {

	private ReorderLink() {
	}

	static String of(String reorderUrl, List<OrderLine> lines) {
		String items = lines.stream()
			.map((line) -> URLEncoder.encode(line.id(), StandardCharsets.UTF_8) + ":" + line.quantity())
			.collect(Collectors.joining(","));
		return reorderUrl + (reorderUrl.contains("?") ? "&" : "?") + "items=" + items;
	}

	/** What the link reorders, for the message: {@code Coffee beans × 2, Filters × 1}. */
	static String summary(List<OrderLine> lines) {
		return lines.stream()
			.map((line) -> (line.name() == null ? line.id() : line.name()) + " × " + line.quantity())
			.collect(Collectors.joining(", "));
	}

}
