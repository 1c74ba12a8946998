package dev.encore.engine.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.encore.engine.access.AccessProperties.Role;
import dev.encore.engine.intake.WriteKeys;

/**
 * A customer's push devices, which the storefront and the shop's app register and remove:
 * the Segment write key as the HTTP Basic user name, or a person's login (support,
 * admin). No session is made, so there is no CSRF to fear. Listing them is support's,
 * behind the login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StorefrontWrites {

	static final String[] DEVICES = { "/api/v1/customers/*/push-subscriptions", "/api/v1/customers/*/app-push-tokens" };

	@Bean
	@Order(2)
	SecurityFilterChain storefrontDeviceWrites(HttpSecurity http, WriteKeys writeKeys) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("Encore");
		return http.securityMatcher(writes())
			.addFilterBefore(new StorefrontKeyFilter(writeKeys), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.hasAnyRole(StorefrontKeyFilter.ROLE, Role.SUPPORT.name(), Role.ADMIN.name()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	private static RequestMatcher writes() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher[] matchers = new RequestMatcher[DEVICES.length * 2];
		for (int i = 0; i < DEVICES.length; i++) {
			matchers[2 * i] = paths.matcher(HttpMethod.POST, DEVICES[i]);
			matchers[2 * i + 1] = paths.matcher(HttpMethod.DELETE, DEVICES[i]);
		}
		return new OrRequestMatcher(matchers);
	}

}
