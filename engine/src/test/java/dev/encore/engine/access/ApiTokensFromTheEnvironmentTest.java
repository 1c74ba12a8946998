package dev.encore.engine.access;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.encore.engine.access.AccessProperties.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the README and docker/README.md give for an API token bind.
 */
class ApiTokensFromTheEnvironmentTest {

	@Test
	void anApiTokenIsConfiguredByItsNameHashAndRoles() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("ENCORE_ACCESS_APITOKENS_0_NAME", "nightly-export",
									"ENCORE_ACCESS_APITOKENS_0_SHA256", ApiTokenFilter.sha256("secret"),
									"ENCORE_ACCESS_APITOKENS_0_ROLES", "SUPPORT,MARKETER")));

		AccessProperties access = new Binder(ConfigurationPropertySources.get(environment))
			.bind("encore.access", AccessProperties.class)
			.get();

		assertThat(access.apiTokens()).singleElement().satisfies((token) -> {
			assertThat(token.name()).isEqualTo("nightly-export");
			assertThat(token.sha256()).hasSize(64).isEqualTo(ApiTokenFilter.sha256("secret"));
			assertThat(token.roles()).containsExactlyInAnyOrder(Role.SUPPORT, Role.MARKETER);
		});
	}

}
