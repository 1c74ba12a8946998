package dev.encore.engine.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
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
 * authentication, fed from the security context.
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
			provision(engine.getIdentityService(), who.getName());
			AuthenticationResult result = AuthenticationResult.successful(who.getName());
			List<String> groups = who.getAuthorities()
				.stream()
				.map((role) -> role.getAuthority().equals("ROLE_ADMIN") ? "camunda-admin"
						: role.getAuthority().replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT))
				.toList();
			result.setGroups(groups);
			return result;
		}

		/**
		 * Camunda's webapps only sign in users its identity service knows: the first
		 * visit creates the user, with an unusable random password (Encore's login is the
		 * only way in).
		 */
		private static void provision(IdentityService identity, String name) {
			if (identity.createUserQuery().userId(name).count() == 0) {
				User user = identity.newUser(name);
				user.setPassword(UUID.randomUUID().toString() + UUID.randomUUID());
				identity.saveUser(user);
			}
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			// Spring Security already sent the login challenge; nothing to add.
		}

	}

}
