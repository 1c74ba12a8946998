package dev.encore.engine.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts call the API with HTTP Basic or an API token: no session, no CSRF token. A
 * browser's session still needs its CSRF token. Over real HTTP, where cookies are what
 * they are.
 */
class ScriptAccessTest {

	private static final String API_TOKEN = "nightly-export-token-0123456789abcdef";

	private static EncoreNode node;

	private final HttpClient script = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		node = EncoreNode.startEmbedded("scripts",
				Map.of("encore.access.api-tokens[0].name", "nightly-export", "encore.access.api-tokens[0].sha256",
						ApiTokenFilter.sha256(API_TOKEN), "encore.access.api-tokens[0].roles", "SUPPORT"));
	}

	@AfterAll
	static void stop() {
		node.close();
	}

	@Test
	void aScriptWithHttpBasicChangesConsentPreviewsAndExitsWithoutSessionOrCsrfToken() throws Exception {
		String customer = customerInACartJourney();
		String journey = node.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(customer)
			.singleResult()
			.getId();

		HttpResponse<String> consent = send("PUT", "/api/v1/customers/" + customer + "/consents",
				"{\"sms\":\"granted\"}", basic("support", "test-password"));
		HttpResponse<String> preview = send("POST", "/api/v1/templates/cart-reminder/preview",
				"{\"channel\":\"email\",\"customerId\":\"" + customer + "\"}", basic("marketer", "test-password"));
		HttpResponse<String> exit = send("POST", "/api/v1/customers/" + customer + "/journeys/" + journey + "/exit",
				"{\"reason\":\"nightly clean-up\"}", basic("support", "test-password"));

		assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
		assertThat(consent.body()).contains("\"sms\"").contains("granted");
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(preview.body()).contains("\"subject\"");
		assertThat(exit.statusCode()).as(exit.body()).isEqualTo(204);
		assertThat(node.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(journey).count())
			.isZero();
		for (HttpResponse<String> response : List.of(consent, preview, exit)) {
			assertThat(response.headers().allValues("Set-Cookie"))
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
	}

	@Test
	void aBrowserSessionStillNeedsItsCsrfToken() throws Exception {
		String customer = customerInACartJourney();
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		logIn(browser, "admin");
		String consents = "/api/v1/customers/" + customer + "/consents";

		for (HttpRequest.Builder withoutToken : List.of(json("PUT", consents, "{\"sms\":\"granted\"}"),
				json("POST", "/api/v1/templates/cart-reminder/preview", "{\"channel\":\"email\"}"),
				json("POST", "/api/v1/customers/" + customer + "/journeys/any/exit", "{\"reason\":\"r\"}"),
				// The journeys page uploads with the session too.
				json("POST", "/api/v1/journeys", ""))) {
			assertThat(browser.send(withoutToken.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(403);
		}
		String token = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
		HttpResponse<String> withToken = browser.send(
				json("PUT", consents, "{\"sms\":\"granted\"}").header("X-XSRF-TOKEN", token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsRefusedWithAProblemNamingTheAuthorizationHeader() throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/templates/cart-reminder/preview",
				"{\"channel\":\"email\"}", basic("marketer", "not-the-password"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401").contains("Authorization");
		assertThat(response.headers().allValues("WWW-Authenticate")).contains("Basic realm=\"Encore\"", "Bearer");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void anApiTokenActsWithItsRolesAndAnUnknownOneIsRefused() throws Exception {
		String customer = customerInACartJourney();

		HttpResponse<String> journeys = send("GET", "/api/v1/customers/" + customer + "/journeys", null,
				"Bearer " + API_TOKEN);
		HttpResponse<String> analytics = send("GET", "/api/v1/analytics/journeys", null, "Bearer " + API_TOKEN);
		HttpResponse<String> unknown = send("GET", "/api/v1/customers/" + customer + "/journeys", null,
				"Bearer not-a-configured-token");
		// Known at the deploy door too: a support token is refused (403), not unknown
		// (401).
		HttpResponse<String> deploy = send("POST", "/api/v1/journeys", "", "Bearer " + API_TOKEN);

		assertThat(journeys.statusCode()).as(journeys.body()).isEqualTo(200);
		assertThat(journeys.body()).contains("AbandonedCart");
		assertThat(journeys.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(analytics.statusCode()).isEqualTo(403);
		assertThat(analytics.body()).contains("\"status\":403");
		assertThat(deploy.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.body()).contains("\"status\":401");
	}

	/**
	 * A browser sends remembered Basic credentials along with another site's form post;
	 * that request is the browser's and needs the CSRF token.
	 */
	@Test
	void rememberedBasicCredentialsOnAnotherSitesRequestStillNeedTheCsrfToken() throws Exception {
		String customer = customerInACartJourney();
		HttpRequest request = json("PUT", "/api/v1/customers/" + customer + "/consents", "{\"sms\":\"revoked\"}")
			.header("Authorization", basic("support", "test-password"))
			.header("Sec-Fetch-Site", "cross-site")
			.build();

		assertThat(this.script.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
	}

	private static String customerInACartJourney() {
		String customer = Holdouts.outsideAll("script-");
		assertThat(node.post(TestEvents.identify(customer, customer + "@example.org", "Ada"))).isEqualTo(202);
		assertThat(node.post(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0))).isEqualTo(202);
		return customer;
	}

	private static void logIn(HttpClient browser, String user) throws Exception {
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		String body = "username=" + user + "&password=test-password&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.uri().getPath()).isEqualTo("/support");
	}

	private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
		HttpRequest.Builder request = json(method, path, body).header("Authorization", authorization);
		return this.script.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder json(String method, String path, String body) {
		return HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
