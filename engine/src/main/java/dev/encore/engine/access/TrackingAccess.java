package dev.encore.engine.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Email's open pixels and tracked links are opened by customers' mail clients, with no
 * login: GET only, no session, nothing else under {@code /t/}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TrackingAccess {

	@Bean
	@Order(1)
	SecurityFilterChain trackingEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher("/t/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/t/**"))
				.permitAll()
				.anyRequest()
				.denyAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
