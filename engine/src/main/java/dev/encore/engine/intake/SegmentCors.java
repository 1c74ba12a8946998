package dev.encore.engine.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * analytics.js calls the Segment API from the shop's pages, so from another origin: the
 * origins in {@code encore.intake.segment.allowed-origins} may (preflight answered, CORS
 * headers on every answer, no cookies); any other origin is refused with 403 before the
 * body is read, the call itself too, since a text/plain POST needs no preflight.
 * Server-side libraries send no Origin and pass untouched.
 */
@Component
// First of the filters: refusals, 413s and 415s must carry the CORS headers to be read.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class SegmentCors extends CorsFilter {

	SegmentCors(IntakeProperties properties, ObjectMapper json) {
		super(source(properties.segment().allowedOrigins()));
		setCorsProcessor(new ProblemCorsProcessor(json));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SegmentPaths.isSegment(request);
	}

	private static UrlBasedCorsConfigurationSource source(List<String> origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("POST"));
		// The write key travels in the body or the Authorization header, never a cookie.
		cors.setAllowCredentials(false);
		cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
		// analytics.js waits as long as a 429 or 503 asks.
		cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
		cors.setMaxAge(Duration.ofHours(2));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", cors);
		return source;
	}

	/** Refuses as every API error does: problem+json. */
	static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final ObjectMapper json;

		ProblemCorsProcessor(ObjectMapper json) {
			this.json = json;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"This origin may not call the Segment API; list it in encore.intake.segment.allowed-origins");
			problem.setTitle("Origin not allowed");
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getBody().write(this.json.writeValueAsBytes(problem));
			response.flush();
		}

	}

}
