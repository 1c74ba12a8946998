package dev.encore.engine.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.profile.ProfileViews;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestShop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official libraries, installed from npm by the build ({@code src/test/e2e}), against
 * a running Encore: analytics.js in chromium on a shop page of another origin (reached
 * from a newsletter link: the customer's acquisition), and RudderStack's Node SDK with
 * its defaults (gzip). Each starts the cart journey for a known customer. Segment's
 * Python library is not here: it is published on PyPI only, which this build cannot reach
 * (docs/decisions/020).
 */
class SegmentLibrariesTest {

	private static TestShop shop;

	private static EncoreNode node;

	@BeforeAll
	static void start() {
		shop = TestShop.start();
		node = EncoreNode.startEmbedded("segmentLibraries",
				Map.of("encore.intake.segment.allowed-origins", shop.origin()));
	}

	@AfterAll
	static void stop() {
		node.close();
		shop.close();
	}

	@Test
	@Tag("browser")
	@DisabledIfSystemProperty(named = "encore.skip-browser-tests", matches = "true")
	void analyticsJsOnTheShopsPagesStartsTheCartJourney() throws Exception {
		String customer = Holdouts.outsideAll("c-");
		String stranger = Holdouts.outsideAll("c-");
		// The shopper arrives from the newsletter: analytics.js turns the link's utm_*
		// tags
		// into context.campaign.
		String landing = shop.origin() + "/?utm_source=Newsletter&utm_medium=email&utm_campaign=autumn-edit";
		String output = run("analytics-js.mjs", landing, shop.otherOrigin() + "/", node.baseUrl(),
				SegmentFixtures.WRITE_KEY, customer, stranger);
		assertThat(output).contains("analytics.js end-to-end: OK");

		assertThat(onCartJourney(customer)).isTrue();
		assertThat(names(customer)).containsExactly(null, "Site Visited", "Checkout Started", null, "Site Visited",
				"Product Viewed");
		assertThat(node.bean(ProfileStore.class).find(customer).orElseThrow().engagement().lastVisitAt()).isNotNull();
		JsonNode acquisition = node.bean(ObjectMapper.class)
			.valueToTree(node.bean(ProfileViews.class).find(customer).orElseThrow())
			.path("acquisition");
		assertThat(List.of(acquisition.at("/last/source").asText(), acquisition.at("/last/medium").asText(),
				acquisition.at("/last/campaign").asText(), acquisition.at("/last/landingPage").asText()))
			.containsExactly("newsletter", "email", "autumn-edit", shop.origin() + "/");
		assertThat(acquisition.at("/sources").toString()).isEqualTo("{\"newsletter\":1}");
		assertThat(names(stranger)).isEmpty();
	}

	@Test
	void rudderStacksNodeSdkWithGzipStartsTheCartJourney() throws Exception {
		String customer = Holdouts.outsideAll("c-");
		String output = run("rudderstack-node.mjs", node.baseUrl(), SegmentFixtures.WRITE_KEY, customer);
		assertThat(output).contains("rudderstack node end-to-end: OK").contains("Content-Encoding: gzip");

		assertThat(onCartJourney(customer)).isTrue();
		assertThat(names(customer)).containsExactlyInAnyOrder(null, "Checkout Started", "Site Visited");
		assertThat(node.bean(ProfileStore.class).find(customer).orElseThrow().email())
			.isEqualTo(customer + "@example.org");
	}

	private static boolean onCartJourney(String customer) {
		return node.bean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processDefinitionKey("AbandonedCart")
			.processInstanceBusinessKey(customer)
			.count() == 1;
	}

	/**
	 * The names of the events the library sent (Encore's own, a loyalty tier, left out).
	 */
	private static List<String> names(String customer) {
		return node.bean(EventHistory.class)
			.forCustomer(customer)
			.stream()
			.filter((event) -> !"encore".equals(event.source()))
			.map(EventHistory.RecordedEvent::name)
			.toList();
	}

	private static String run(String script, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(Path.of("src/test/e2e").toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
