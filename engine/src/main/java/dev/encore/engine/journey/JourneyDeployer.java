package dev.encore.engine.journey;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the journeys folder when Encore starts, before it takes events. Only changed
 * files make a new version (Camunda's duplicate filtering), so restarts do not pile up
 * versions and customers stay on the version they entered. The shipped templates are
 * deployed with them, as an upload's are (decision 030).
 */
@Component
class JourneyDeployer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(JourneyDeployer.class);

	static final String DEPLOYMENT_NAME = "encore-journeys";

	private final JourneyDeployment deployment;

	private final JourneyProperties properties;

	private final JourneyValidator validator;

	JourneyDeployer(JourneyDeployment deployment, JourneyProperties properties, JourneyValidator validator) {
		this.deployment = deployment;
		this.properties = properties;
		this.validator = validator;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Resource> resources = journeyFiles();
		if (resources.isEmpty()) {
			log.warn("No journeys found at {}", this.properties.location());
			return;
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				files.put(nameOf(resource), in.readAllBytes());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read journey " + resource, ex);
			}
		}
		// The folder is deployed as it is (Camunda still refuses what it cannot run), but
		// whatever the deploy API would refuse is reported.
		this.validator.validate(files).forEach((problem) -> log.warn("Journey problem: {}", problem));
		DeploymentWithDefinitions deployed = this.deployment.deploy("encore", files);
		log.info("Journeys deployed: {} resources read, {} new process versions", resources.size(),
				deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
	}

	/** A template keeps its {@code templates/<id>/} folder in its name. */
	private static String nameOf(Resource resource) throws IOException {
		String name = resource.getFilename();
		if (name == null || !name.endsWith(".liquid")) {
			return name;
		}
		String path = resource.getURL().getPath();
		String folder = path.substring(0, path.length() - name.length() - 1);
		return TemplateFile.FOLDER + folder.substring(folder.lastIndexOf('/') + 1) + "/" + name;
	}

	private List<Resource> journeyFiles() {
		String base = this.properties.location().endsWith("/") ? this.properties.location()
				: this.properties.location() + "/";
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> resources = new ArrayList<>();
		for (String pattern : List.of("*.bpmn", "*.dmn", TemplateFile.FOLDER + "*/*.liquid")) {
			try {
				resources.addAll(Arrays.asList(resolver.getResources(base + pattern)));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot list journeys at " + base, ex);
			}
		}
		return resources;
	}

}
