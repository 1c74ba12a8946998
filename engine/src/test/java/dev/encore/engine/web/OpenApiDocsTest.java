package dev.encore.engine.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description is public and says what a caller needs: who Encore is, which
 * purpose each API serves, how to authenticate, and each Segment path by name.
 */
class OpenApiDocsTest extends EncoreIntegrationTest {

	@Autowired
	BuildProperties build;

	@Test
	void anyoneReadsTheDescriptionWithTitleVersionTagsSchemesAndSegmentPaths() throws Exception {
		JsonNode docs = new ObjectMapper().readTree(this.mvc.perform(get("/v3/api-docs").with(anonymous()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(docs.at("/info/title").asText()).isEqualTo("Encore");
		assertThat(docs.at("/info/version").asText()).isEqualTo(this.build.getVersion()).isNotBlank();
		assertThat(docs.at("/info/description").asText()).contains("HTTP Basic");
		assertThat(names(docs.path("tags"))).doesNotHaveDuplicates()
			.containsAll(List.of("Intake", "Segment", "Customers", "Support", "Consent", "Loyalty", "Journeys",
					"Templates", "Analytics", "Webhooks"));
		JsonNode schemes = docs.at("/components/securitySchemes");
		assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
		assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(schemes.at("/storefrontWriteKey/scheme").asText()).isEqualTo("basic");
		JsonNode paths = docs.path("paths");
		for (String path : List.of("track", "identify", "page", "screen", "group", "alias", "t", "i", "p", "s", "g",
				"a", "batch")) {
			assertThat(paths.has("/v1/" + path)).as("/v1/" + path).isTrue();
		}
		assertThat(paths.has("/v1/{type}")).isFalse();
		assertThat(paths.at("/~1v1~1track/post/parameters").findValuesAsText("name")).doesNotContain("type");
		assertThat(paths.at("/~1v1~1track/post/security/0").has("storefrontWriteKey")).isTrue();
		assertThat(paths.at("/~1v1~1track/post/tags/0").asText()).isEqualTo("Segment");
		assertThat(paths.at("/~1api~1v1~1customers~1{customerId}~1consents/put/tags/0").asText()).isEqualTo("Consent");
		assertThat(paths.at("/~1api~1v1~1journeys/get/tags/0").asText()).isEqualTo("Journeys");
		assertThat(paths.at("/~1api~1v1~1journeys/post/tags/0").asText()).isEqualTo("Journeys");
	}

	@Test
	void swaggerUiOpensWithoutALogin() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html").with(anonymous())).andExpect(status().isOk());
	}

	@Test
	void everyControllerNamesItsPurposeWithATag() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(Tag.class)
			.because("the OpenAPI description groups endpoints by purpose")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.encore.engine"));
	}

	private static List<String> names(JsonNode tags) {
		List<String> names = new ArrayList<>();
		tags.forEach((tag) -> names.add(tag.path("name").asText()));
		return names;
	}

}
