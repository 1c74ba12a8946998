package dev.encore.engine.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import dev.encore.engine.access.AccessProperties.Role;

/**
 * Which role reaches which page and API, the same whether the person came with a session
 * (the browser) or with HTTP Basic or a token (a script).
 */
final class PeopleRules {

	private PeopleRules() {
	}

	static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
		String support = Role.SUPPORT.name();
		String marketer = Role.MARKETER.name();
		String admin = Role.ADMIN.name();
		requests.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**")
			.permitAll()
			// The API's description is public, as the storefront's developers read it.
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// Both pages draw journeys.
			.requestMatchers(HttpMethod.GET, "/api/v1/analytics/journeys/*/diagram")
			.hasAnyRole(support, marketer, admin)
			.requestMatchers("/support/**", "/api/v1/customers/**", "/api/v1/suppressions/**", "/api/v1/referrals/**")
			.hasAnyRole(support, admin)
			.requestMatchers("/analytics/**", "/journeys", "/templates", "/api/v1/analytics/**", "/api/v1/journeys/**",
					"/api/v1/templates", "/api/v1/templates/**")
			.hasAnyRole(marketer, admin)
			.requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/**", "/api/v1/imports", "/api/v1/imports/**")
			.hasRole(admin)
			.anyRequest()
			.authenticated();
	}

}
