package dev.encore.engine.testsupport;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Test requests come from a logged-in admin with a CSRF token unless a test says
 * otherwise ({@code .with(anonymous())}, {@code .with(user("s").roles("SUPPORT"))}): the
 * access rules themselves are tested in {@code AccessMatrixTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestLogins {

	@Bean
	MockMvcBuilderCustomizer adminByDefault() {
		return (builder) -> builder.defaultRequest(get("/").with(user("admin").roles("ADMIN")).with(csrf()));
	}

}
