package dev.encore.engine.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.engine.web.BodyLimits.Limit;

/**
 * Intake bodies sent with {@code Content-Encoding: gzip} (RudderStack's and Segment's
 * server libraries compress their batches) are inflated on the fly, and the inflated
 * bytes count against the same limit as a plain body: a small zip bomb is cut off at the
 * limit (413), never inflated in full. Any other encoding is 415.
 */
@Component
// After RequestSizeLimit, which counts the bytes as they are sent.
@Order(RequestSizeLimit.ORDER + 1)
class CompressedBodies extends OncePerRequestFilter {

	private static final Set<String> GZIP = Set.of("gzip", "x-gzip");

	private final BodyLimits limits;

	private final ObjectMapper json;

	CompressedBodies(BodyLimits limits, ObjectMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		return !RequestSizeLimit.WITH_BODY.contains(request.getMethod()) || !BodyLimits.isIntake(request)
				|| encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING).trim().toLowerCase(Locale.ROOT);
		if (!GZIP.contains(encoding)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Encoding must be gzip or none");
			problem.setTitle("Unsupported content encoding");
			Problems.write(response, problem, this.json);
			return;
		}
		chain.doFilter(new InflatedRequest(request, this.limits.of(request)), response);
	}

	/**
	 * The request as if it had been sent uncompressed: the inflated body, no
	 * Content-Encoding, no (compressed) Content-Length.
	 */
	static final class InflatedRequest extends HttpServletRequestWrapper {

		private static final Set<String> HIDDEN = Set.of("content-encoding", "content-length");

		private final Limit limit;

		InflatedRequest(HttpServletRequest request, Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			return new LimitedBodies.LimitedInputStream(new GzipInputStream(super.getInputStream()), this.limit);
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public String getHeader(String name) {
			return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !HIDDEN.contains(name.toLowerCase(Locale.ROOT)))
				.toList());
		}

	}

}
