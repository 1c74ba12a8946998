package dev.encore.engine.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What marketers read per journey version: entries, conversions, attributed revenue,
 * customers on each element, and the uplift of each random split and of the holdout.
 * Every figure is an aggregate query (Camunda's statistics queries group in SQL too).
 */
@RestController
@Tag(name = "Analytics")
class JourneyAnalyticsController {

	private final RepositoryService repository;

	private final HistoryService history;

	private final JourneyStats stats;

	private final AnalyticsProperties properties;

	JourneyAnalyticsController(RepositoryService repository, HistoryService history, JourneyStats stats,
			AnalyticsProperties properties) {
		this.repository = repository;
		this.history = history;
		this.stats = stats;
		this.properties = properties;
	}

	/**
	 * A journey version's headline figures; conversion rate and revenue exclude the
	 * holdout.
	 *
	 * @param attributedRevenue per ISO currency code ({@code ""}: the events named none),
	 * never added across currencies
	 */
	record JourneySummary(String journey, String name, int version, String processDefinitionId, long entries,
			long conversions, double conversionRate, Map<String, BigDecimal> attributedRevenue) {
	}

	/**
	 * Customers per element: {@code entered} ever, {@code waiting} there now,
	 * {@code passed} on, {@code exited} there (interrupted by an exit event or by hand).
	 */
	record ElementCounts(String elementId, long entered, long waiting, long passed, long exited) {
	}

	/**
	 * @param messages per send step: sent, suppressed by reason, deferred, failed
	 * @param sources entries and conversions by the customer's last-touch source at entry
	 */
	record JourneyDetail(JourneySummary summary, List<ElementCounts> elements, Uplift holdout,
			Map<String, List<Uplift>> splits, List<JourneyStats.MessageOutcome> messages, List<SourceFigures> sources) {
	}

	/**
	 * One source's entries (holdout included), conversions and conversion rate;
	 * {@code source} null for entries with no known source.
	 */
	record SourceFigures(String source, long entries, long conversions, double conversionRate) {

		static SourceFigures of(JourneyStats.SourceCount count) {
			return new SourceFigures(count.source(), count.entries(), count.conversions(),
					count.entries() == 0 ? 0 : (double) count.conversions() / count.entries());
		}

	}

	@GetMapping("/api/v1/analytics/journeys")
	List<JourneySummary> journeys() {
		Map<String, JourneyStats.Totals> totals = this.stats.totalsByDefinition();
		Map<String, Map<String, BigDecimal>> revenue = this.stats.revenueByDefinition();
		List<JourneySummary> journeys = new ArrayList<>();
		for (ProcessDefinition definition : this.repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.desc()
			.list()) {
			journeys.add(summary(definition, totals.getOrDefault(definition.getId(), JourneyStats.Totals.NONE),
					revenue.getOrDefault(definition.getId(), Map.of())));
		}
		return journeys;
	}

	@GetMapping("/api/v1/analytics/journeys/{processDefinitionId}")
	ResponseEntity<JourneyDetail> journey(@PathVariable String processDefinitionId) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionId(processDefinitionId)
			.singleResult();
		if (definition == null) {
			return ResponseEntity.notFound().build();
		}
		JourneyStats.Totals totals = this.stats.totalsByDefinition()
			.getOrDefault(processDefinitionId, JourneyStats.Totals.NONE);
		List<ElementCounts> elements = new ArrayList<>();
		for (HistoricActivityStatistics activity : this.history
			.createHistoricActivityStatisticsQuery(processDefinitionId)
			.includeFinished()
			.includeCanceled()
			.list()) {
			elements.add(new ElementCounts(activity.getId(), activity.getInstances() + activity.getFinished(),
					activity.getInstances(), activity.getFinished() - activity.getCanceled(), activity.getCanceled()));
		}
		Uplift holdout = totals.holdoutEntries() == 0 ? null
				: Uplift.of(new Uplift.Group("holdout", totals.holdoutEntries(), totals.holdoutConversions()),
						new Uplift.Group("journey", totals.entries(), totals.conversions()),
						this.properties.minimumGroupSize());
		return ResponseEntity.ok(new JourneyDetail(
				summary(definition, totals,
						this.stats.revenueByDefinition().getOrDefault(processDefinitionId, Map.of())),
				elements, holdout, splits(processDefinitionId), this.stats.messageOutcomes(definition.getKey()),
				this.stats.bySource(processDefinitionId).stream().map(SourceFigures::of).toList()));
	}

	@GetMapping(path = "/api/v1/analytics/journeys/{processDefinitionId}/diagram",
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> diagram(@PathVariable String processDefinitionId) throws IOException {
		try (InputStream xml = this.repository.getProcessModel(processDefinitionId)) {
			return ResponseEntity.ok(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (NotFoundException ex) {
			return ResponseEntity.notFound().build();
		}
	}

	/**
	 * Each branch of each split against the split's first branch (alphabetically: name
	 * control "A").
	 */
	private Map<String, List<Uplift>> splits(String processDefinitionId) {
		Map<String, List<JourneyStats.BranchCount>> bySplit = new LinkedHashMap<>();
		for (JourneyStats.BranchCount branch : this.stats.branches(processDefinitionId)) {
			bySplit.computeIfAbsent(branch.splitId(), (id) -> new ArrayList<>()).add(branch);
		}
		Map<String, List<Uplift>> splits = new LinkedHashMap<>();
		bySplit.forEach((splitId, branches) -> {
			Uplift.Group control = group(branches.get(0));
			splits.put(splitId,
					branches.subList(1, branches.size())
						.stream()
						.map((branch) -> Uplift.of(control, group(branch), this.properties.minimumGroupSize()))
						.toList());
		});
		return splits;
	}

	private static Uplift.Group group(JourneyStats.BranchCount branch) {
		return new Uplift.Group(branch.branch(), branch.size(), branch.conversions());
	}

	private static JourneySummary summary(ProcessDefinition definition, JourneyStats.Totals totals,
			Map<String, BigDecimal> revenue) {
		return new JourneySummary(definition.getKey(), definition.getName(), definition.getVersion(),
				definition.getId(), totals.entries() + totals.holdoutEntries(),
				totals.conversions() + totals.holdoutConversions(),
				totals.entries() == 0 ? 0 : (double) totals.conversions() / totals.entries(), revenue);
	}

}
