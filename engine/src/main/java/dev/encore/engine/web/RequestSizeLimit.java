package dev.encore.engine.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.engine.intake.IntakeProperties;
import dev.encore.engine.intake.PayloadTooLargeException;

/**
 * Caps the request bodies of every endpoint anyone may call: intake (Segment's limits)
 * and the unauthenticated webhooks and unsubscribe links
 * ({@code encore.web.max-body-size}, 1 MB). A declared Content-Length over the limit is
 * answered 413 before a byte is read; a body without one (chunked) is counted while it is
 * read and refused at the limit, so a stranger cannot make a node buffer more than that.
 */
@Component
// Before Spring Security: its request matchers may read form parameters, and so the body.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class RequestSizeLimit extends OncePerRequestFilter {

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private final IntakeProperties intake;

	private final RequestLimits limits;

	private final ObjectMapper json;

	RequestSizeLimit(IntakeProperties intake, RequestLimits limits, ObjectMapper json) {
		this.intake = intake;
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WITH_BODY.contains(request.getMethod()) || limitOf(path(request)) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = limitOf(path(request));
		if (request.getContentLengthLong() > limit.bytes()) {
			refuse(response, new PayloadTooLargeException(limit.what(), limit.bytes()));
			return;
		}
		if (request.getContentLengthLong() < 0 && isForm(request)) {
			// The container parses forms from its own stream, past any wrapper: read the
			// body here, within the limit, and hand the form over from memory.
			byte[] body;
			try {
				body = readAll(new LimitedBodies.LimitedInputStream(request.getInputStream(), limit));
			}
			catch (PayloadTooLargeException ex) {
				refuse(response, ex);
				return;
			}
			chain.doFilter(new LimitedBodies.BufferedForm(request, body), response);
			return;
		}
		chain.doFilter(new LimitedBodies.LimitedRequest(request, limit), response);
	}

	private Limit limitOf(String path) {
		if (path.startsWith("/api/v1/events") || path.startsWith("/v1/")) {
			return path.endsWith("/batch") ? new Limit("The batch", this.intake.maxBatchSize().toBytes())
					: new Limit("The event", this.intake.maxEventSize().toBytes());
		}
		if (path.startsWith("/webhooks/") || path.startsWith("/unsubscribe/")) {
			return new Limit("The request body", this.limits.maxBodySize().toBytes());
		}
		return null;
	}

	private void refuse(HttpServletResponse response, PayloadTooLargeException ex) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
		problem.setTitle("Payload too large");
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// The rest of the body is not read; the connection closes after the answer.
		response.setHeader("Connection", "close");
		this.json.writeValue(response.getOutputStream(), problem);
		response.flushBuffer();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean isForm(HttpServletRequest request) {
		return request.getContentType() != null
				&& request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	record Limit(String what, long bytes) {
	}

}
