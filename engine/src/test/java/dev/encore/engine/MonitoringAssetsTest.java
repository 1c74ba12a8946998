package dev.encore.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert rules and the Grafana dashboard in docker/ read metrics Encore really
 * exports: after traffic that makes every meter appear (events accepted and rejected, a
 * send, a suppression, a failed send), each metric they name is in /actuator/prometheus.
 * A renamed meter fails here, not silently on an operator's dashboard.
 */
class MonitoringAssetsTest extends EncoreIntegrationTest {

	private static final Path DOCKER = Path.of("..", "docker");

	/** Series Prometheus makes itself about each scrape, not Encore. */
	private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

	@Test
	void alertsAndDashboardReadOnlyMetricsEncoreExports() throws Exception {
		Set<String> exported = exportedSeries(scrapeAfterTraffic());
		Set<String> alerts = metricNames(alertExpressions());
		Set<String> dashboard = metricNames(dashboardExpressions());

		assertThat(alerts).contains("encore_readiness", "encore_jobs_due", "encore_jobs_failed",
				"encore_events_dlt_total", "encore_send_failures_total", "encore_events_apply_latency_seconds_bucket");
		assertThat(dashboard).contains("encore_events_received_total", "encore_sends_total",
				"encore_suppressions_total", "encore_journeys_active", "jvm_memory_used_bytes");
		assertThat(alerts).as("alerts.yml").allSatisfy((name) -> assertThat(exported).contains(name));
		assertThat(dashboard).as("encore.json").allSatisfy((name) -> assertThat(exported).contains(name));
	}

	@Test
	void theDashboardReadsTheProvisionedDataSource() throws IOException {
		Map<String, Object> provisioning = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"));
		@SuppressWarnings("unchecked")
		Object uid = ((List<Map<String, Object>>) provisioning.get("datasources")).get(0).get("uid");
		List<String> used = dashboard().findValues("datasource").stream().map((ds) -> ds.path("uid").asText()).toList();
		assertThat(used).isNotEmpty().allSatisfy((dataSource) -> assertThat(dataSource).isEqualTo(uid));
	}

	@Test
	void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrRanges() {
		assertThat(metricNames(List.of(
				"sum by (channel, reason) (increase(a_total{status=\"failed\"}[1h])) / on (channel) group_left sum(b) > 0.05",
				"histogram_quantile(0.99, sum by (le) (rate(c_bucket{instance=~\"$instance\"}[$__rate_interval])))",
				"up{job=\"encore\"} == 0 or max(d) > 100")))
			.containsExactly("a_total", "b", "c_bucket", "d");
	}

	/**
	 * Metric names in PromQL: the identifiers left once strings, label matchers, ranges,
	 * label lists ({@code by (...)}, {@code on (...)}) and keywords are gone, but for
	 * functions and aggregations (followed by a parenthesis).
	 */
	static Set<String> metricNames(List<String> expressions) {
		Pattern identifier = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");
		Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset", "group_left", "group_right");
		Set<String> names = new TreeSet<>();
		for (String expression : expressions) {
			String stripped = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
				.replaceAll("\\{[^}]*\\}", " ")
				.replaceAll("\\[[^\\]]*\\]", " ")
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
			Matcher matcher = identifier.matcher(stripped);
			while (matcher.find()) {
				if (!keywords.contains(matcher.group())) {
					names.add(matcher.group());
				}
			}
		}
		names.removeAll(MADE_BY_PROMETHEUS);
		return names;
	}

	private String scrapeAfterTraffic() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada").withTrait("phone", "+886912345678"))
			.andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).at(this.clock.now().plus(Duration.ofDays(3))))
			.andExpect(status().isBadRequest());
		// No SMS consent: suppressed. No LINE user id: failed (no_address). Each probe's
		// follow-up email is sent.
		for (String channel : List.of("sms", "line")) {
			this.runtime.startProcessInstanceByKey("GuardrailProbe", customer,
					Map.of("probeChannel", channel, "probeType", "marketing"));
		}
		this.clock.runDueJobs();
		return this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Names of the samples in a scrape (the text before the labels or the value). */
	private static Set<String> exportedSeries(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
			int end = line.indexOf('{') < 0 ? line.indexOf(' ') : line.indexOf('{');
			names.add(line.substring(0, end));
		});
		return names;
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertExpressions() throws IOException {
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) yaml(DOCKER.resolve("prometheus/alerts.yml"))
			.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add(rule.get("expr").toString());
			}
		}
		return expressions;
	}

	private static List<String> dashboardExpressions() throws IOException {
		JsonNode dashboard = dashboard();
		List<String> expressions = new ArrayList<>(dashboard.findValuesAsText("expr"));
		// Variables: label_values(<metric>, <label>).
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			expressions.add(variable.path("definition").asText().replaceAll("label_values\\((.*),\\s*\\w+\\)", "$1"));
		}
		return expressions;
	}

	private static JsonNode dashboard() throws IOException {
		return new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/encore.json").toFile());
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new Yaml().load(in);
		}
	}

}
