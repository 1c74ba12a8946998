package dev.encore.engine.access;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's Cockpit and Admin take the person Encore's login already knows (Spring
 * Security, role ADMIN) instead of asking again: Camunda's container-based
 * authentication, fed from the security context. Camunda finds the person among Encore's
 * users ({@link CamundaIdentity}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CamundaSingleSignOn {

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of("authentication-provider", FromSpringSecurity.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		return registration;
	}

	/** The logged-in person, with their Encore roles as Camunda groups. */
	public static class FromSpringSecurity implements AuthenticationProvider {

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			if (who == null || !who.isAuthenticated() || request.getUserPrincipal() == null) {
				return AuthenticationResult.unsuccessful();
			}
			AuthenticationResult result = AuthenticationResult.successful(who.getName());
			List<String> groups = who.getAuthorities()
				.stream()
				.map((role) -> CamundaPeople.groupOf(role.getAuthority()))
				.toList();
			result.setGroups(groups);
			return result;
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			// Spring Security already sent the login challenge; nothing to add.
		}

	}

}
