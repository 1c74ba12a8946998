package dev.encore.engine.access;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use Encore's pages and APIs ({@code encore.access.*}).
 *
 * @param users people and their roles; passwords are hashes ({@code {bcrypt}$2a$...})
 * @param tryOut start without configured users: one {@code admin} with a password
 * generated at start-up and printed once (the README's try-out; never in production)
 */
@Validated
@ConfigurationProperties("encore.access")
public record AccessProperties(@Valid List<User> users, boolean tryOut) {

	public AccessProperties {
		users = users == null ? List.of() : List.copyOf(users);
	}

	/** One login: name, hashed password, roles (ADMIN, MARKETER, SUPPORT). */
	public record User(@NotBlank String name, @NotBlank String password, @NotEmpty Set<Role> roles) {
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
