package dev.encore.engine.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import dev.encore.engine.access.AccessProperties.Role;
import dev.encore.engine.journey.DeployProperties;

/**
 * Who may deploy journeys ({@code POST /api/v1/journeys}): a marketer or admin with their
 * login or an API token, or a CI pipeline with the bearer token
 * {@code encore.journeys.deploy.token} (blank: no token is accepted). Decided before the
 * upload is read. The journeys page uploads with the marketer's session instead, through
 * the people's chain and its CSRF check.
 */
final class DeployAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private static final Set<String> DEPLOYERS = Set.of("ROLE_" + Role.MARKETER, "ROLE_" + Role.ADMIN);

	private final String token;

	DeployAccess(DeployProperties properties) {
		this.token = properties.token();
	}

	@Override
	public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
		if (validToken(context.getRequest().getHeader(HttpHeaders.AUTHORIZATION))) {
			return new AuthorizationDecision(true);
		}
		Authentication login = authentication.get();
		boolean deployer = login != null && login.isAuthenticated()
				&& login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(DEPLOYERS::contains);
		return new AuthorizationDecision(deployer);
	}

	private boolean validToken(String authorization) {
		if (this.token.isBlank() || authorization == null) {
			return false;
		}
		return MessageDigest.isEqual(("Bearer " + this.token).getBytes(StandardCharsets.UTF_8),
				authorization.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A deploy that brings its own credentials ({@link ScriptAccess#bringsCredentials}),
	 * or none and no session (answered 401 naming both ways in). A browser's request with
	 * its session, or with remembered Basic credentials from another site, is not: it
	 * must show the CSRF token.
	 */
	static boolean notFromBrowser(HttpServletRequest request) {
		return ScriptAccess.bringsCredentials(request)
				|| (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getRequestedSessionId() == null);
	}

	/** Nobody recognised: 401 naming both ways in. */
	static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Encore\"");
			ApiChallenge.problem(response, HttpStatus.UNAUTHORIZED,
					"Deploying journeys needs a marketer's or admin's login, or the deploy token");
		};
	}

	/** Logged in without a deploying role: 403. */
	static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> ApiChallenge.problem(response, HttpStatus.FORBIDDEN,
				"Only marketers and admins deploy journeys");
	}

}
