package dev.encore.engine.journey;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import org.springframework.stereotype.Component;

/**
 * Deploys journeys and their templates as one Camunda deployment (a changed template
 * makes new versions of the journeys deployed with it, as a changed diagram does), then
 * stores the templates under its id (decision 030).
 */
@Component
class JourneyDeployment {

	private final RepositoryService repository;

	private final TemplateVersions templates;

	JourneyDeployment(RepositoryService repository, TemplateVersions templates) {
		this.repository = repository;
		this.templates = templates;
	}

	/**
	 * @param source who deployed: {@code encore} at start, {@code api}
	 */
	DeploymentWithDefinitions deploy(String source, Map<String, byte[]> files) {
		Map<TemplateFile, String> sources = new LinkedHashMap<>();
		files.forEach((name, content) -> TemplateFile.of(name)
			.ifPresent((file) -> sources.put(file, new String(content, StandardCharsets.UTF_8))));
		// Camunda deploys only changed files by default; a changed template must make new
		// versions of the journeys deployed with it, so then every file is deployed.
		DeploymentBuilder deployment = this.repository.createDeployment()
			.name(JourneyDeployer.DEPLOYMENT_NAME)
			.source(source)
			.enableDuplicateFiltering(!anyChanged(source, sources));
		files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
		long before = deployments();
		DeploymentWithDefinitions deployed = deployment.deployWithResult();
		// Nothing changed: Camunda answers with its latest deployment, which is not ours.
		if (deployments() > before) {
			// Also when only diagrams changed: journeys send the templates deployed with
			// them, not whatever is newest later.
			this.templates.store(deployed.getId(), source, sources);
		}
		return deployed;
	}

	private boolean anyChanged(String source, Map<TemplateFile, String> sources) {
		return sources.entrySet()
			.stream()
			.anyMatch((template) -> this.templates.lastDeployedBy(source, template.getKey())
				.filter(template.getValue()::equals)
				.isEmpty());
	}

	private long deployments() {
		return this.repository.createDeploymentQuery().deploymentName(JourneyDeployer.DEPLOYMENT_NAME).count();
	}

}
