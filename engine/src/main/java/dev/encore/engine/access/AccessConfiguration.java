package dev.encore.engine.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.encore.engine.access.AccessProperties.Role;
import dev.encore.engine.intake.WriteKeys;
import dev.encore.engine.journey.DeployProperties;

/**
 * Two doors. Machine endpoints (storefront events, Segment API, provider webhooks, the
 * journey deploy (token or login), a customer's loyalty (write key or login), health and
 * metrics) authenticate themselves and carry no session. Everything else is for people: a
 * login with roles, CSRF-protected actions, and Camunda's webapps and REST API behind the
 * same login; a script that brings HTTP Basic or an API token is let in by the same rules
 * without session or CSRF token ({@link ScriptAccess}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

	// The actuator paths are served on the management port only (management.server.port).
	static final String[] MACHINE_ENDPOINTS = { "/api/v1/events", "/api/v1/events/**", "/v1/**", "/webhooks/**",
			"/unsubscribe/**", "/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus" };

	@Bean
	@Order(1)
	SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher(MACHINE_ENDPOINTS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain journeyDeploy(HttpSecurity http, DeployProperties deploy, AccessProperties access)
			throws Exception {
		// Marketers and admins log in with HTTP Basic or an API token; CI pipelines bring
		// the deploy token.
		// No session is read or made here, so there is no CSRF to fear. A browser's
		// upload (the journeys page) goes to the people's chain and its CSRF check.
		return http
			.securityMatcher(new AndRequestMatcher(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/journeys"),
					DeployAccess::notFromBrowser))
			.addFilterBefore(new ApiTokenFilter(access.apiTokens()), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(new DeployAccess(deploy)))
			.httpBasic((basic) -> basic.authenticationEntryPoint(DeployAccess.unauthorized()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(DeployAccess.unauthorized())
				.accessDeniedHandler(DeployAccess.forbidden()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * A customer's loyalty and on-site inbox, which the storefront shows its shoppers:
	 * its Segment write key as the HTTP Basic user name, or a person's login (support,
	 * marketing, admin). Reads, and marking an inbox message seen; no session is made.
	 * The inbox only when the request brings credentials: the support page reads it with
	 * its session, through the people's chain.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain storefrontReads(HttpSecurity http, WriteKeys writeKeys) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher withCredentials = (request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/api/v1/customers/*/loyalty"),
					new AndRequestMatcher(withCredentials,
							new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/api/v1/customers/*/inbox"),
									paths.matcher(HttpMethod.POST, "/api/v1/customers/*/inbox/*/seen")))))
			.addFilterBefore(new StorefrontKeyFilter(writeKeys), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.hasAnyRole(StorefrontKeyFilter.ROLE, Role.SUPPORT.name(), Role.MARKETER.name(), Role.ADMIN.name()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(apiEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(apiEntryPoint()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/** People in a browser: form login, a session, CSRF tokens on actions. */
	@Bean
	@Order(4)
	SecurityFilterChain people(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(PeopleRules::apply)
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			// APIs answer 401 (with a Basic challenge); pages send people to the login
			// form.
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(apiEntryPoint(),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(apiEntryPoint(),
					PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
			.logout(Customizer.withDefaults())
			// The pages send the token from the XSRF-TOKEN cookie in a header.
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.build();
	}

	private static BasicAuthenticationEntryPoint apiEntryPoint() {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("Encore");
		return entryPoint;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(AccessProperties properties, PasswordEncoder encoder) {
		if (!properties.users().isEmpty()) {
			return new InMemoryUserDetailsManager(properties.users()
				.stream()
				.map((user) -> User.withUsername(user.name())
					.password(user.password())
					.roles(user.roles().stream().map(Role::name).toArray(String[]::new))
					.build())
				.toList());
		}
		if (!properties.tryOut()) {
			throw new IllegalStateException("No users configured and no default password exists: set "
					+ "encore.access.users[0].name, .password (a {bcrypt} hash) and .roles (ADMIN, MARKETER, SUPPORT), "
					+ "or start the try-out with encore.access.try-out=true (see README)");
		}
		byte[] secret = new byte[12];
		new SecureRandom().nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		// Printed once so the person trying Encore can log in; there is no fixed default.
		log.warn("Try-out mode: log in as 'admin' with password {} (generated at this start)", password);
		UserDetails admin = User.withUsername(CamundaPeople.TRY_OUT_ADMIN)
			.password(encoder.encode(password))
			.roles(Role.ADMIN.name(), Role.MARKETER.name(), Role.SUPPORT.name())
			.build();
		return new InMemoryUserDetailsManager(List.of(admin));
	}

}
