package dev.encore.engine.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.engine.access.AccessProperties.ApiToken;

/**
 * Lets a script in with a configured API token ({@code Authorization: Bearer ...},
 * {@code encore.access.api-tokens}): the request continues as the token's name with its
 * roles. A token that is not configured leaves the request anonymous, so the chain's own
 * rules answer it (401). The token is compared by its SHA-256 and never logged.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final Map<String, ApiToken> bySha256;

	ApiTokenFilter(List<ApiToken> tokens) {
		this.bySha256 = tokens.stream().collect(Collectors.toUnmodifiableMap(ApiToken::sha256, Function.identity()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			ApiToken token = this.bySha256.get(sha256(authorization.substring(BEARER.length()).strip()));
			if (token != null) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(token.name(), null,
						token.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
