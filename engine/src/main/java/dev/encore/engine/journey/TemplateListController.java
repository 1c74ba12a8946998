package dev.encore.engine.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/templates}: every deployed message template with its channels,
 * locales and versions (which deployment, when), and the journeys whose latest version
 * sends it, for the marketer's templates page.
 */
@RestController
@Tag(name = "Templates")
class TemplateListController {

	private final TemplateVersions versions;

	private final JourneyVersions journeys;

	TemplateListController(TemplateVersions versions, JourneyVersions journeys) {
		this.versions = versions;
		this.journeys = journeys;
	}

	/**
	 * @param versions newest first per channel and locale
	 * @param usedBy the journeys (latest versions) with a send step naming it
	 */
	record Template(String id, Set<String> channels, Set<String> locales, List<TemplateVersions.StoredVersion> versions,
			List<JourneyRef> usedBy) {
	}

	record JourneyRef(String key, int version) {
	}

	@GetMapping("/api/v1/templates")
	List<Template> templates() {
		Map<String, List<JourneyRef>> users = new LinkedHashMap<>();
		for (JourneyVersions.JourneyVersion journey : this.journeys.latest()) {
			for (String templateId : this.journeys.templatesUsed(journey)) {
				users.computeIfAbsent(templateId, (id) -> new ArrayList<>())
					.add(new JourneyRef(journey.key(), journey.version()));
			}
		}
		Map<String, List<TemplateVersions.StoredVersion>> byId = new LinkedHashMap<>();
		this.versions.list()
			.forEach((version) -> byId.computeIfAbsent(version.templateId(), (id) -> new ArrayList<>()).add(version));
		List<Template> templates = new ArrayList<>();
		byId.forEach((id, stored) -> {
			Set<String> channels = new LinkedHashSet<>();
			Set<String> locales = new LinkedHashSet<>();
			stored.forEach((version) -> {
				channels.add(version.channel());
				locales.add(version.locale());
			});
			templates.add(new Template(id, channels, locales, stored, users.getOrDefault(id, List.of())));
		});
		return templates;
	}

}
