package dev.encore.engine.journey;

import java.util.Optional;

/** Templates deployed with journeys, looked up by deployment or newest first. */
interface StoredTemplates {

	/** None stored: only the journeys folder counts (unit tests). */
	StoredTemplates NONE = new StoredTemplates() {
		@Override
		public Optional<TemplateSource> inDeployment(String deploymentId, TemplateFile file) {
			return Optional.empty();
		}

		@Override
		public Optional<TemplateSource> newest(TemplateFile file) {
			return Optional.empty();
		}
	};

	Optional<TemplateSource> inDeployment(String deploymentId, TemplateFile file);

	Optional<TemplateSource> newest(TemplateFile file);

}
