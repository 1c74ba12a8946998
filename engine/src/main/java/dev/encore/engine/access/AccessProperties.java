package dev.encore.engine.access;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use Encore's pages and APIs ({@code encore.access.*}): logins for the support
 * and analytics pages, the customer/journey APIs and Camunda's webapps. There is no
 * default password: with no users Encore refuses to start, unless {@code tryOut} is set.
 *
 * @param users people and their roles: {@code users[n].name}, {@code .password} (a hash,
 * {@code {bcrypt}$2a$...}), {@code .roles} (ADMIN, MARKETER, SUPPORT)
 * @param tryOut start without configured users: one {@code admin} with a password
 * generated at start-up and printed once (the README's try-out, {@code spring-boot:run}
 * sets it; never in production)
 * @param apiTokens bearer tokens for scripts: {@code api-tokens[n].name}, {@code .sha256}
 * (the token's SHA-256, hex; the token itself is never configured), {@code .roles}
 */
@Validated
@ConfigurationProperties("encore.access")
public record AccessProperties(@Valid List<User> users, boolean tryOut, @Valid List<ApiToken> apiTokens) {

	public AccessProperties {
		users = users == null ? List.of() : List.copyOf(users);
		apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
	}

	/** One login: name, hashed password, roles (ADMIN, MARKETER, SUPPORT). */
	public record User(@NotBlank String name, @NotBlank String password, @NotEmpty Set<Role> roles) {
	}

	/**
	 * A script's bearer token, known by its SHA-256 only: a random token of 32 bytes or
	 * more needs no slow hash.
	 */
	public record ApiToken(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String sha256,
			@NotEmpty Set<Role> roles) {
	}

	/** What a person does with Encore. */
	public enum Role {

		/** Journeys, analytics, templates, deploys. */
		MARKETER,
		/** Customer pages, exits. */
		SUPPORT,
		/** Everything, including Camunda's Cockpit and Admin. */
		ADMIN

	}

}
