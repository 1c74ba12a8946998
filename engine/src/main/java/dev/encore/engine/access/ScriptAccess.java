package dev.encore.engine.access;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The API for scripts (docs/decisions/027): a request that brings its own credentials
 * (HTTP Basic or an API token) is authenticated on its own, with the same role rules as a
 * browser, but makes no session and needs no CSRF token, since no cookie speaks for it.
 * Browsers keep their session and CSRF tokens ({@code AccessConfiguration.people}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScriptAccess {

	// A browser remembers HTTP Basic credentials and sends them along on another site's
	// form post: such a request stays with the browser's chain and its CSRF check.
	private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

	@Bean
	@Order(3)
	SecurityFilterChain scripts(HttpSecurity http, AccessProperties access) throws Exception {
		return http.securityMatcher(ScriptAccess::bringsCredentials)
			.addFilterBefore(new ApiTokenFilter(access.apiTokens()), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(PeopleRules::apply)
			.httpBasic((basic) -> basic.authenticationEntryPoint(ApiChallenge.unauthorized()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ApiChallenge.unauthorized())
				.accessDeniedHandler(ApiChallenge.forbidden()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

	/**
	 * HTTP Basic or a bearer token, not for Camunda's webapps (they keep their own
	 * session and CSRF protection) and not sent along by a browser from another site.
	 */
	static boolean bringsCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !(startsWith(authorization, "Basic ") || startsWith(authorization, "Bearer "))) {
			return false;
		}
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		return !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")
				&& (fetchSite == null || !FOREIGN_SITES.contains(fetchSite));
	}

	private static boolean startsWith(String header, String scheme) {
		return header.regionMatches(true, 0, scheme, 0, scheme.length());
	}

}
