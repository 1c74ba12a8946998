package dev.encore.engine.intake;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Segment's endpoints: {@code /v1/track} and the rest as its server libraries call them,
 * and the one-letter paths analytics.js posts to ({@code /v1/t} is a track call,
 * {@code /v1/b} a batch).
 */
final class SegmentPaths {

	private static final Map<String, String> SHORT = Map.of("t", "track", "i", "identify", "p", "page", "a", "alias",
			"g", "group", "s", "screen");

	private SegmentPaths() {
	}

	/**
	 * The call a path names: {@code track} for both {@code /v1/track} and {@code /v1/t}.
	 */
	static String callOf(String pathType) {
		return SHORT.getOrDefault(pathType, pathType);
	}

	static boolean isSegment(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
	}

}
