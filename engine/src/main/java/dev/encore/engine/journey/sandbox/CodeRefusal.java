package dev.encore.engine.journey.sandbox;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps code out of the engine, whichever door a BPMN or DMN comes through: Encore's
 * deploy API validates first, but Camunda's own deployment API and the webapps do not,
 * and a definition an older version stored is parsed again from the database.
 * <ul>
 * <li>A new deployment with any {@link CodeScan} finding is refused whole.</li>
 * <li>A stored definition the engine loads again is not refused (its waiting customers
 * could then not even be deleted): its offending elements are disarmed instead
 * ({@link DisarmedElements}), so reaching one fails that step into an incident naming it,
 * and no class behind it is ever loaded.</li>
 * <li>No script engine is ever handed out, in BPMN or DMN; expressions run in the sandbox
 * of {@link JourneyExpressionManager}.</li>
 * </ul>
 */
@Component
class CodeRefusal extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CodeRefusal.class);

	private final CodeScan scan;

	private final DisarmedElements disarmed = new DisarmedElements();

	CodeRefusal(CodeScan scan) {
		this.scan = scan;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(this::check);
		configuration.setCustomPreDeployers(deployers);
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(this.disarmed);
		configuration.setCustomPreBPMNParseListeners(listeners);
		configuration.setScriptEngineResolver(new NoScriptEngines());
	}

	/** Runs ahead of Camunda's own deployers, on a deployment and on every reload. */
	private void check(DeploymentEntity deployment) {
		List<String> refused = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
				// Case definitions run class and expression listeners of their own;
				// Encore has no cases.
				refused.add(name + ": case definitions (CMMN) are not allowed");
				continue;
			}
			boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
			if (!dmn && !name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml")) {
				continue;
			}
			List<CodeScan.Finding> findings = this.scan.scan(resource.getBytes(), dmn);
			findings.forEach((finding) -> refused.add(name + " " + finding));
			if (!deployment.isNew() && !findings.isEmpty()) {
				log.warn("Stored journey {} of deployment {} carries code; disarmed: {}", name, deployment.getId(),
						findings);
				this.disarmed.expect(deployment.getId(), findings);
			}
		}
		if (deployment.isNew() && !refused.isEmpty()) {
			throw new CodeRefusedException(String.join("; ", refused));
		}
	}

	/** Hands out no script engine: in BPMN nor in DMN, whatever the language. */
	private static final class NoScriptEngines implements ScriptEngineResolver {

		@Override
		public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
			throw new CodeRefusedException("scripts are not allowed (" + language + ")");
		}

		@Override
		public void addScriptEngineFactory(ScriptEngineFactory factory) {
		}

		@Override
		public ScriptEngineManager getScriptEngineManager() {
			return new ScriptEngineManager(null);
		}

	}

	/** A deployment, a disarmed element or a script refused because it carries code. */
	static class CodeRefusedException extends ProcessEngineException {

		CodeRefusedException(String message) {
			super("Journey refused, it carries code: " + message);
		}

	}

}
