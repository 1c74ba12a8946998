package dev.encore.engine.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cockpit knows who logged in to Encore: no second login. Camunda's webapp API is its own
 * servlet, so this runs against a started node over HTTP.
 */
class CamundaSingleSignOnTest {

	@Test
	void cockpitSeesTheEncoreAdminAsItsUserAndNobodyElse() throws Exception {
		try (EncoreNode node = EncoreNode.startEmbedded("sso", Map.of())) {
			// Opening Cockpit is what signs the person in to Camunda's session.
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			assertThat(get(browser, node, "/camunda/app/cockpit/sso/", "admin").statusCode()).isEqualTo(200);
			HttpResponse<String> admin = get(browser, node, "/camunda/api/admin/auth/user/sso", "admin");
			assertThat(admin.statusCode()).isEqualTo(200);
			assertThat(admin.body()).contains("\"userId\":\"admin\"").contains("cockpit");

			HttpClient stranger = HttpClient.newHttpClient();
			assertThat(get(stranger, node, "/camunda/app/cockpit/sso/", "support").statusCode()).isEqualTo(403);
			assertThat(get(stranger, node, "/camunda/api/admin/auth/user/sso", null).statusCode()).isIn(302, 401);
			assertThat(get(stranger, node, "/engine-rest/engine", null).statusCode()).isEqualTo(401);
		}
	}

	private static HttpResponse<String> get(HttpClient http, EncoreNode node, String path, String user)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":test-password").getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
