package dev.encore.engine.access;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/** Each role against each endpoint: allowed, or 403; nobody logged in: 401 (APIs). */
class AccessMatrixTest extends EncoreIntegrationTest {

	private static final int ALLOWED = 0;

	static Stream<Arguments> matrix() {
		// endpoint, ADMIN, SUPPORT, MARKETER, anonymous
		return Stream.of(row("GET /api/v1/customers?q=nobody", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/timeline", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/journeys", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/loyalty", ALLOWED, ALLOWED, ALLOWED, 401),
				row("GET /api/v1/customers/c-1/points", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/feedback", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/reach", ALLOWED, ALLOWED, 403, 401),
				// Mail clients follow tracked links with no login; an unknown token is
				// 404.
				row("GET /t/c/not-a-token", 404, 404, 404, 404), row("GET /t/o/not-a-token", 404, 404, 404, 404),
				// A session (no credentials in the request) takes the people's way; the
				// storefront's key is in InboxJourneyTest.
				row("GET /api/v1/customers/c-1/inbox", ALLOWED, ALLOWED, 403, 401),
				row("POST /api/v1/customers/c-1/inbox/m-1/seen", ALLOWED, ALLOWED, 403, 401),
				row("POST /api/v1/customers/c-1/journeys/p-1/exit", ALLOWED, ALLOWED, 403, 401),
				row("DELETE /api/v1/customers/c-1", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/customers/c-1/push-subscriptions", ALLOWED, ALLOWED, 403, 401),
				row("POST /api/v1/customers/c-1/push-subscriptions", ALLOWED, ALLOWED, 403, 401),
				row("DELETE /api/v1/customers/c-1/app-push-tokens?token=t", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/referrals/ADA-7K3Q9PXM", ALLOWED, ALLOWED, 403, 401),
				row("GET /api/v1/analytics/journeys", ALLOWED, 403, ALLOWED, 401),
				row("GET /api/v1/analytics/journeys/p-1/diagram", ALLOWED, ALLOWED, ALLOWED, 401),
				row("GET /support", ALLOWED, ALLOWED, 403, 302), row("GET /analytics", ALLOWED, 403, ALLOWED, 302),
				row("GET /templates", ALLOWED, 403, ALLOWED, 302),
				row("GET /api/v1/templates", ALLOWED, 403, ALLOWED, 401),
				row("POST /api/v1/templates/cart-reminder/test-sends", ALLOWED, 403, ALLOWED, 401),
				row("GET /camunda/app/cockpit/default/", ALLOWED, 403, 403, 302),
				row("GET /engine-rest/engine", ALLOWED, 403, 403, 401),
				row("POST /api/v1/journeys", ALLOWED, 403, ALLOWED, 401),
				row("GET /api/v1/journeys", ALLOWED, 403, ALLOWED, 401),
				row("GET /journeys", ALLOWED, 403, ALLOWED, 302),
				row("GET /actuator/health", ALLOWED, ALLOWED, ALLOWED, ALLOWED),
				row("GET /actuator/prometheus", ALLOWED, ALLOWED, ALLOWED, ALLOWED),
				row("POST /api/v1/events", ALLOWED, ALLOWED, ALLOWED, ALLOWED));
	}

	private static Arguments row(String endpoint, int admin, int support, int marketer, int nobody) {
		return Arguments.of(endpoint, admin, support, marketer, nobody);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void rolesGetWhatTheyNeedAndNoMore(String endpoint, int admin, int support, int marketer, int nobody)
			throws Exception {
		assertThat(status(endpoint, user("ada").roles("ADMIN"))).as("ADMIN").satisfies((s) -> expect(s, admin));
		assertThat(status(endpoint, user("sam").roles("SUPPORT"))).as("SUPPORT").satisfies((s) -> expect(s, support));
		assertThat(status(endpoint, user("max").roles("MARKETER"))).as("MARKETER")
			.satisfies((s) -> expect(s, marketer));
		assertThat(status(endpoint, anonymous())).as("anonymous").satisfies((s) -> expect(s, nobody));
	}

	private static void expect(int actual, int expected) {
		if (expected == ALLOWED) {
			assertThat(actual).isNotIn(401, 403);
		}
		else {
			assertThat(actual).isEqualTo(expected);
		}
	}

	private int status(String endpoint, RequestPostProcessor who) throws Exception {
		String[] parts = endpoint.split(" ");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), parts[1]).with(who).with(csrf());
		if (!parts[1].startsWith("/api") && !parts[1].startsWith("/engine-rest")) {
			// A page, as a browser asks for it: nobody logged in goes to the login form.
			request.accept(MediaType.TEXT_HTML);
		}
		if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"matrix\"}");
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
