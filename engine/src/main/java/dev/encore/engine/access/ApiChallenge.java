package dev.encore.engine.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How the API turns a script away: RFC 9457 problem+json naming the Authorization header,
 * with the challenges it may answer (HTTP Basic, a bearer token). Written here because
 * Spring Security answers before Spring MVC's exception handler is reached.
 */
final class ApiChallenge {

	private ApiChallenge() {
	}

	/** Nobody recognised (no header, a wrong password, an unknown token): 401. */
	static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Encore\"");
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problem(response, HttpStatus.UNAUTHORIZED,
					"Authorization: a login (HTTP Basic) or an API token (Bearer) is needed, and the one sent is not known");
		};
	}

	/** Recognised, without the role the endpoint needs: 403. */
	static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> problem(response, HttpStatus.FORBIDDEN,
				"Authorization: this login or token has no role allowed here");
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
				.formatted(status.getReasonPhrase(), status.value(), detail));
	}

}
