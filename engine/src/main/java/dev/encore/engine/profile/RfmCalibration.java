package dev.encore.engine.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The optional weekly recalibration of the RFM thresholds (off unless
 * {@code encore.profile.rfm.recalibrate}): quintiles of the customer base written into a
 * new version of the deployed {@code rfm-segment.dmn}, which every later score uses. The
 * marketers' file stays as it is; their next edit and restart deploys theirs again.
 */
@Component
class RfmCalibration {

	private static final Logger log = LoggerFactory.getLogger(RfmCalibration.class);

	static final String TASK = "rfm-calibration";

	static final String DEPLOYMENT_NAME = "encore-rfm-calibration";

	private final ProfileStore store;

	private final RepositoryService repository;

	private final ScheduledRuns runs;

	private final ProfileProperties properties;

	private final Clock clock;

	RfmCalibration(ProfileStore store, RepositoryService repository, ScheduledRuns runs, ProfileProperties properties,
			Clock clock) {
		this.store = store;
		this.repository = repository;
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
	}

	/** Recalibrates when enabled and no node has this ISO week. */
	void runIfDue() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		if (this.properties.rfm().recalibrate() && this.runs.claim(TASK, week)) {
			recalibrate(this.properties.rfm().minCustomers());
		}
	}

	/** Whether a recalibrated version was deployed. */
	boolean recalibrate(int minCustomers) {
		List<OrderStats> buyers = new ArrayList<>();
		this.store.forEach((profile) -> {
			OrderStats stats = profile.orders().stats(this.properties.priceBands());
			if (stats.orderCount() > 0) {
				buyers.add(stats);
			}
		});
		if (buyers.size() < minCustomers) {
			log.info("RFM thresholds not recalibrated: {} customers with orders, {} needed", buyers.size(),
					minCustomers);
			return false;
		}
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(RfmSegments.SEGMENT_DECISION)
			.latestVersion()
			.singleResult();
		DmnModelInstance model = this.repository.getDmnModelInstance(latest.getId());
		RfmThresholds thresholds = RfmThresholds.quintiles(buyers, this.clock.instant());
		if (!thresholds.applyTo(model)) {
			log.warn("RFM thresholds not recalibrated: the score tables no longer have five rules each");
			return false;
		}
		this.repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("encore")
			.addModelInstance(latest.getResourceName(), model)
			.deploy();
		log.info("RFM thresholds recalibrated from {} customers: {}", buyers.size(), thresholds);
		return true;
	}

}
