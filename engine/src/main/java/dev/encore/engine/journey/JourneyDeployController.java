package dev.encore.engine.journey;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/journeys}: deploys uploaded BPMN/DMN files and message templates
 * ({@code templates/<id>/<channel>.<locale>.liquid}), or a zip of a journeys folder,
 * after {@link JourneyValidator validation} (422 listing every problem otherwise). New
 * versions take new entries; {@code migrate=true} also moves customers waiting in older
 * versions. Who may call it is decided at the door ({@code access.DeployAccess}): a
 * marketer's or admin's login, or the CI bearer token.
 */
@RestController
@Tag(name = "Journeys")
class JourneyDeployController {

	private final JourneyValidator validator;

	private final JourneyDeployment deployment;

	private final JourneyMigrator migrator;

	JourneyDeployController(JourneyValidator validator, JourneyDeployment deployment, JourneyMigrator migrator) {
		this.validator = validator;
		this.deployment = deployment;
		this.migrator = migrator;
	}

	record Deployed(String deploymentId, List<Version> journeys, List<JourneyMigrator.Report> migrations) {
	}

	record Version(String journey, int version, String processDefinitionId) {
	}

	@PostMapping(path = "/api/v1/journeys", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> deploy(@RequestParam("files") List<MultipartFile> files,
			@RequestParam(name = "migrate", defaultValue = "false") boolean migrate) throws IOException {
		JourneyUpload upload = new JourneyUpload();
		for (MultipartFile file : files) {
			upload.add(file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename(),
					file.getBytes());
		}
		Map<String, byte[]> contents = upload.files();
		List<JourneyProblem> problems = upload.problems().isEmpty() ? this.validator.validate(contents)
				: upload.problems();
		if (!problems.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
					problems.size() + " problem(s); nothing was deployed");
			problem.setTitle("Invalid journey");
			problem.setProperty("problems", problems);
			return ResponseEntity.unprocessableEntity().body(problem);
		}
		DeploymentWithDefinitions deployed = this.deployment.deploy("api", contents);
		List<Version> versions = new ArrayList<>();
		List<JourneyMigrator.Report> migrations = new ArrayList<>();
		for (ProcessDefinition definition : deployed.getDeployedProcessDefinitions() == null
				? List.<ProcessDefinition>of() : deployed.getDeployedProcessDefinitions()) {
			versions.add(new Version(definition.getKey(), definition.getVersion(), definition.getId()));
			if (migrate) {
				migrations.addAll(this.migrator.migrateToLatest(definition));
			}
		}
		return ResponseEntity.status(versions.isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new Deployed(deployed.getId(), versions, migrations));
	}

}
