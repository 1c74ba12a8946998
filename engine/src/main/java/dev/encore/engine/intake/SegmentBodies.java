package dev.encore.engine.intake;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Segment's libraries send JSON under other labels: analytics.js as {@code text/plain}
 * (so a browser sends it without a preflight), RudderStack's Node SDK as a form (axios's
 * label for its gzipped batch). On the Segment API such a body is read as the JSON it is,
 * as Segment does; any other type stays 415.
 */
@Component
// Before RequestSizeLimit, which would otherwise buffer a form to parse it.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 5)
class SegmentBodies extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SegmentPaths.isSegment(request) || !"POST".equals(request.getMethod())
				|| !isJsonUnderAnotherLabel(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new JsonRequest(request), response);
	}

	private static boolean isJsonUnderAnotherLabel(HttpServletRequest request) {
		try {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			return type.isCompatibleWith(MediaType.TEXT_PLAIN)
					|| type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
		}
		catch (RuntimeException ex) {
			// No or an unreadable Content-Type: Spring MVC answers 415.
			return false;
		}
	}

	/**
	 * The request labelled as the JSON it carries. Its body is never parsed as a form:
	 * Segment's endpoints take no parameters.
	 */
	static final class JsonRequest extends HttpServletRequestWrapper {

		private final String contentType;

		JsonRequest(HttpServletRequest request) {
			super(request);
			MediaType declared = MediaType.parseMediaType(request.getContentType());
			this.contentType = (declared.getCharset() != null)
					? new MediaType(MediaType.APPLICATION_JSON, declared.getCharset()).toString()
					: MediaType.APPLICATION_JSON_VALUE;
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? this.contentType : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(this.contentType))
					: super.getHeaders(name);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
