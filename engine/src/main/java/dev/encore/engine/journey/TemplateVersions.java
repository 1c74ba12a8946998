package dev.encore.engine.journey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message templates each Camunda deployment carried (decision 030). A deployment's
 * rows never change, so what was found for one is kept in memory.
 */
@Repository
public class TemplateVersions implements StoredTemplates {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, TemplateSource> byDeployment = new ConcurrentHashMap<>();

	TemplateVersions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores the deployment's templates; ones it already has are left as they are. */
	void store(String deploymentId, String deployedBy, Map<TemplateFile, String> templates) {
		Timestamp now = Timestamp.from(this.clock.instant());
		templates.forEach((file, source) -> this.jdbc.sql("""
				INSERT INTO encore_template_version (template_id, channel, locale, source, deployment_id, deployed_by,
				  created_at)
				SELECT ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS (
				  SELECT 1 FROM encore_template_version
				  WHERE deployment_id = ? AND template_id = ? AND channel = ? AND locale = ?)""")
			.params(file.templateId(), file.channel(), file.locale(), source, deploymentId, deployedBy, now,
					deploymentId, file.templateId(), file.channel(), file.locale())
			.update());
	}

	/**
	 * The template as the deployment carried it. Only found ones are kept: the rows are
	 * stored just after Camunda's deployment.
	 */
	@Override
	public Optional<TemplateSource> inDeployment(String deploymentId, TemplateFile file) {
		String key = deploymentId + "/" + file.path();
		TemplateSource known = this.byDeployment.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<TemplateSource> found = this.jdbc.sql("""
				SELECT source FROM encore_template_version
				WHERE deployment_id = ? AND template_id = ? AND channel = ? AND locale = ?""")
			.params(deploymentId, file.templateId(), file.channel(), file.locale())
			.query(String.class)
			.optional()
			.map((source) -> new TemplateSource(deploymentId, source));
		found.ifPresent((source) -> this.byDeployment.put(key, source));
		return found;
	}

	/** The most recently deployed version of the template. */
	@Override
	public Optional<TemplateSource> newest(TemplateFile file) {
		return this.jdbc.sql("""
				SELECT deployment_id, source FROM encore_template_version
				WHERE template_id = ? AND channel = ? AND locale = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
			.params(file.templateId(), file.channel(), file.locale())
			.query((rs, i) -> new TemplateSource(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** The templates each deployment carried, by deployment id. */
	Map<String, List<TemplateFile>> byDeployment() {
		return list().stream()
			.collect(Collectors.groupingBy(StoredVersion::deploymentId,
					Collectors.mapping(
							(version) -> new TemplateFile(version.templateId(), version.channel(), version.locale()),
							Collectors.toList())));
	}

	/** One stored version of a template file, without its text. */
	public record StoredVersion(String templateId, String channel, String locale, String deploymentId,
			String deployedBy, Instant deployedAt) {
	}

	/** Every stored version, by template, channel and locale, newest first. */
	List<StoredVersion> list() {
		return this.jdbc.sql("""
				SELECT template_id, channel, locale, deployment_id, deployed_by, created_at FROM encore_template_version
				ORDER BY template_id, channel, locale, seq DESC""")
			.query((rs, i) -> new StoredVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * The text last deployed by the same door ({@code encore} or {@code api}), as Camunda
	 * compares a deployment's files with the same source's.
	 */
	Optional<String> lastDeployedBy(String deployedBy, TemplateFile file) {
		return this.jdbc.sql("""
				SELECT source FROM encore_template_version
				WHERE template_id = ? AND channel = ? AND locale = ? AND deployed_by = ?
				ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
			.params(file.templateId(), file.channel(), file.locale(), deployedBy)
			.query(String.class)
			.optional();
	}

}
