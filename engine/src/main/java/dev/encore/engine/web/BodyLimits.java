package dev.encore.engine.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.encore.engine.intake.IntakeProperties;

/**
 * How large a body each endpoint anyone may call takes: intake Segment's limits, the
 * unauthenticated webhooks and unsubscribe links {@code encore.web.max-body-size}.
 */
@Component
class BodyLimits {

	private final IntakeProperties intake;

	private final RequestLimits limits;

	BodyLimits(IntakeProperties intake, RequestLimits limits) {
		this.intake = intake;
		this.limits = limits;
	}

	/** The request's limit; null for endpoints behind a login. */
	Limit of(HttpServletRequest request) {
		String path = path(request);
		if (isIntake(request)) {
			return path.endsWith("/batch") || path.equals("/v1/b")
					? new Limit("The batch", this.intake.maxBatchSize().toBytes())
					: new Limit("The event", this.intake.maxEventSize().toBytes());
		}
		if (path.startsWith("/webhooks/") || path.startsWith("/unsubscribe/")) {
			return new Limit("The request body", this.limits.maxBodySize().toBytes());
		}
		return null;
	}

	/** Encore's event API and Segment's. */
	static boolean isIntake(HttpServletRequest request) {
		String path = path(request);
		return path.startsWith("/api/v1/events") || path.startsWith("/v1/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** What is limited, for the 413's detail, and how many bytes it may have. */
	record Limit(String what, long bytes) {
	}

}
