package dev.encore.engine.journey;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import liqp.TemplateParser;

/**
 * Checks the templates deployed with journeys: path, channel, Liquid syntax, and a
 * version in every shipped locale (uploaded or already there), so no customer gets a
 * template error or the wrong language.
 */
final class UploadedTemplates {

	private final TemplateParser parser = new TemplateParser.Builder().build();

	private final TemplateCatalog catalog;

	private final List<String> locales;

	private final List<String> channels;

	UploadedTemplates(TemplateCatalog catalog, List<String> locales, List<String> channels) {
		this.catalog = catalog;
		this.locales = locales;
		this.channels = channels;
	}

	/** The upload's templates; problems of each are added to {@code problems}. */
	Set<TemplateFile> check(Map<String, byte[]> files, List<JourneyProblem> problems) {
		Map<TemplateFile, String> uploaded = new LinkedHashMap<>();
		files.forEach((name, content) -> {
			if (TemplateFile.isTemplatePath(name)) {
				Optional<TemplateFile> file = TemplateFile.of(name);
				if (file.isEmpty()) {
					problems.add(new JourneyProblem(name, null,
							"a template's path is templates/<id>/<channel>.<locale>.liquid (lower-case id)"));
				}
				else if (!this.channels.contains(file.get().channel())) {
					problems.add(new JourneyProblem(name, null,
							"'" + file.get().channel() + "' is not a channel; one of " + this.channels));
				}
				else {
					uploaded.put(file.get(), name);
					checkSyntax(name, content, problems);
				}
			}
		});
		Set<String> reported = new LinkedHashSet<>();
		uploaded.forEach((file, name) -> {
			for (String locale : this.locales) {
				TemplateFile variant = file.inLocale(locale);
				if (!uploaded.containsKey(variant) && !this.catalog.exists(file.templateId(), file.channel(), locale)
						&& reported.add(variant.path())) {
					problems
						.add(new JourneyProblem(name, null, "has no " + locale + " version: add " + variant.path()));
				}
			}
		});
		return uploaded.keySet();
	}

	private void checkSyntax(String name, byte[] content, List<JourneyProblem> problems) {
		try {
			this.parser.parse(new String(content, StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			problems.add(new JourneyProblem(name, null, "not valid Liquid: " + ex.getMessage()));
		}
	}

}
