package dev.encore.engine.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.profile.ProfileViews;
import dev.encore.engine.testsupport.E2eScripts;
import dev.encore.engine.testsupport.EncoreNode;
import dev.encore.engine.testsupport.Holdouts;
import dev.encore.engine.testsupport.SegmentFixtures;
import dev.encore.engine.testsupport.TestShop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official libraries against a running Encore: from npm, installed by the build
 * ({@code src/test/e2e}), analytics.js in chromium on a shop page of another origin
 * (reached from a newsletter link: the customer's acquisition) and RudderStack's Node SDK
 * with its defaults (gzip); Segment's Python library with {@code gzip=True}, vendored in
 * {@code src/test/python} (PyPI is out of reach) and run by Debian's python3 (skipped
 * where there is none; docs/decisions/020). Each starts the cart journey for a known
 * customer.
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
		String output = E2eScripts.run("analytics-js.mjs", landing, shop.otherOrigin() + "/", node.baseUrl(),
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
		String output = E2eScripts.run("rudderstack-node.mjs", node.baseUrl(), SegmentFixtures.WRITE_KEY, customer);
		assertThat(output).contains("rudderstack node end-to-end: OK").contains("Content-Encoding: gzip");

		assertThat(onCartJourney(customer)).isTrue();
		assertThat(names(customer)).containsExactlyInAnyOrder(null, "Checkout Started", "Site Visited");
		assertThat(node.bean(ProfileStore.class).find(customer).orElseThrow().email())
			.isEqualTo(customer + "@example.org");
	}

	@Test
	@EnabledIf("dev.encore.engine.testsupport.E2eScripts#debianPython")
	void segmentsPythonLibraryWithGzipStartsTheCartJourney() throws Exception {
		String customer = Holdouts.outsideAll("c-");
		String output = E2eScripts.runPython("segment-python.py", node.baseUrl(), SegmentFixtures.WRITE_KEY, customer);
		// The script checked that each batch left gzipped, and Encore took it.
		assertThat(output).contains("segment python end-to-end: OK")
			.contains("POST /v1/batch Content-Encoding: gzip -> 200");

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

}
