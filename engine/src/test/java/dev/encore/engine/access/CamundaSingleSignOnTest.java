package dev.encore.engine.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import dev.encore.engine.journey.sandbox.HostileJourneys;
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
			// Camunda's standalone REST API is not mounted at all, even for an admin.
			assertThat(get(browser, node, "/engine-rest/engine", "admin").statusCode()).isEqualTo(404);
		}
	}

	/**
	 * Camunda's identity service reads Encore's users: nothing to set up, the admin is in
	 * {@code camunda-admin} and Cockpit's profile shows their name.
	 */
	@Test
	void camundaKnowsEncoresPeopleSoCockpitAsksForNoSetup() throws Exception {
		try (EncoreNode node = EncoreNode.startEmbedded("people", Map.of())) {
			IdentityService identity = node.bean(IdentityService.class);
			assertThat(identity.isReadOnly()).isTrue();
			assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()).extracting(User::getId)
				.containsExactly("admin");
			assertThat(identity.createGroupQuery().groupMember("support").list()).extracting(Group::getId)
				.containsExactly("support");
			assertThat(identity.createUserQuery().userFirstNameLike("mark%").singleResult().getId())
				.isEqualTo("marketer");
			assertThat(identity.checkPassword("admin", "test-password")).as("only Encore's login lets people in")
				.isFalse();

			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			HttpResponse<String> cockpit = get(browser, node, "/camunda/app/cockpit/people/", "admin");
			assertThat(cockpit.statusCode()).isEqualTo(200);
			assertThat(cockpit.uri().getPath()).isEqualTo("/camunda/app/cockpit/people/");
			HttpResponse<String> profile = get(browser, node, "/camunda/api/engine/engine/people/user/admin/profile",
					"admin");
			assertThat(profile.statusCode()).isEqualTo(200);
			assertThat(profile.body()).contains("\"firstName\":\"admin\"");
			HttpResponse<String> setup = browser
				.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/camunda/api/admin/setup/people/user/create"))
					.header("Content-Type", "application/json")
					.header("Authorization", basic("admin"))
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(setup.statusCode()).isGreaterThanOrEqualTo(400);
			assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
		}
	}

	/**
	 * The webapps' own engine API can deploy (it is how an ADMIN's tools reach the
	 * engine): a journey carrying code is refused there too, by the engine.
	 */
	@Test
	void theWebappsDeploymentApiRefusesAJourneyCarryingCode() throws Exception {
		try (EncoreNode node = EncoreNode.startEmbedded("sso", Map.of())) {
			CookieManager cookies = new CookieManager();
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			assertThat(get(browser, node, "/camunda/app/cockpit/sso/", "admin").statusCode()).isEqualTo(200);
			String csrf = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.findFirst()
				.orElseThrow()
				.getValue();
			HostileJourneys.Payload payload = HostileJourneys.all().get(0);
			String boundary = "encore-test-boundary";
			String body = "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nhostile\r\n" + "--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + payload.file()
					+ "\"\r\nContent-Type: application/xml\r\n\r\n" + payload.content() + "\r\n--" + boundary
					+ "--\r\n";
			HttpResponse<String> deploy = browser.send(HttpRequest
				.newBuilder(URI.create(node.baseUrl() + "/camunda/api/engine/engine/sso/deployment/create"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("X-XSRF-TOKEN", csrf)
				.header("Authorization", basic("admin"))
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(deploy.statusCode()).isGreaterThanOrEqualTo(400);
			assertThat(deploy.body()).contains("carries code").contains(payload.elementId());
			assertThat(node.bean(RepositoryService.class).createDeploymentQuery().deploymentName("hostile").count())
				.isZero();
		}
	}

	private static HttpResponse<String> get(HttpClient http, EncoreNode node, String path, String user)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((user + ":test-password").getBytes(StandardCharsets.UTF_8));
	}

}
