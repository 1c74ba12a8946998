package dev.encore.engine.access;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.engine.intake.WriteKeys;

/**
 * Lets a storefront in with its Segment write key as the HTTP Basic user name (as it
 * sends events): the request continues as {@code storefront} with role
 * {@code STOREFRONT}, and without the header, so HTTP Basic does not take the key for a
 * user's name. Any other request goes on unchanged, to a person's login.
 */
final class StorefrontKeyFilter extends OncePerRequestFilter {

	static final String ROLE = "STOREFRONT";

	private final WriteKeys keys;

	StorefrontKeyFilter(WriteKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.keys.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("storefront", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
		SecurityContextHolder.setContext(context);
		chain.doFilter(new WithoutAuthorization(request), response);
	}

	/** The request with its Authorization header, the write key, taken out. */
	private static final class WithoutAuthorization extends HttpServletRequestWrapper {

		WithoutAuthorization(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

	}

}
