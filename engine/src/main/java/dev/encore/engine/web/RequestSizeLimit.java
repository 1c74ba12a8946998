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

import dev.encore.engine.intake.PayloadTooLargeException;
import dev.encore.engine.web.BodyLimits.Limit;

/**
 * Caps the request bodies of every endpoint anyone may call: intake (Segment's limits)
 * and the unauthenticated webhooks and unsubscribe links
 * ({@code encore.web.max-body-size}, 1 MB). A declared Content-Length over the limit is
 * answered 413 before a byte is read; a body without one (chunked) is counted while it is
 * read and refused at the limit, so a stranger cannot make a node buffer more than that.
 * A compressed body is counted as sent here and inflated by {@link CompressedBodies}.
 */
@Component
// Before Spring Security: its request matchers may read form parameters, and so the body.
@Order(RequestSizeLimit.ORDER)
class RequestSizeLimit extends OncePerRequestFilter {

	static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 2;

	static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private final BodyLimits limits;

	private final ObjectMapper json;

	RequestSizeLimit(BodyLimits limits, ObjectMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WITH_BODY.contains(request.getMethod()) || this.limits.of(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = this.limits.of(request);
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

	private void refuse(HttpServletResponse response, PayloadTooLargeException ex) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
		problem.setTitle("Payload too large");
		Problems.write(response, problem, this.json);
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

}
