package dev.encore.engine.journey;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/journeys}: what is deployed, for the journeys page and scripts. */
@RestController
@Tag(name = "Journeys")
class JourneyVersionsController {

	private final JourneyVersions versions;

	JourneyVersionsController(JourneyVersions versions) {
		this.versions = versions;
	}

	@GetMapping("/api/v1/journeys")
	@Operation(summary = "Deployed journeys and their versions",
			description = "Every journey, its versions newest first: deployment, time, customers on it now, "
					+ "its settings (setting.* properties with configured overrides) and the templates "
					+ "deployed with it.")
	List<JourneyVersions.Journey> journeys() {
		return this.versions.all();
	}

}
