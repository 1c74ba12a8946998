package dev.encore.engine.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyUploadTest {

	@Test
	void aZipOfAJourneysFolderGivesItsDiagramsByNameAndTemplatesByPathAndLeavesTheRest() throws IOException {
		JourneyUpload upload = new JourneyUpload();
		upload.add("journeys.zip",
				zip("journeys/abandoned-cart.bpmn", "<bpmn/>", "journeys/loyalty-tier.dmn", "<dmn/>",
						"journeys/templates/cart-reminder/email.en.liquid", "Hi", "journeys/README.md", "read me",
						"journeys/.camunda/element-templates/send-email.json", "{}"));

		assertThat(upload.problems()).isEmpty();
		assertThat(upload.files()).containsOnlyKeys("abandoned-cart.bpmn", "loyalty-tier.dmn",
				"templates/cart-reminder/email.en.liquid");
	}

	@Test
	void aZipUnpackingToMoreThanTheLimitIsRefusedWithoutReadingItAll() throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		String large = "x".repeat((int) JourneyUpload.MAX_ENTRY_BYTES - 1);
		for (int i = 0; i <= JourneyUpload.MAX_TOTAL_BYTES / JourneyUpload.MAX_ENTRY_BYTES; i++) {
			entries.put("templates/t" + i + "/email.en.liquid", large);
		}
		JourneyUpload upload = new JourneyUpload();
		upload.add("bomb.zip", zip(entries));

		assertThat(upload.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("unpacks to more than"));
	}

	@Test
	void aFileNameReachingOutsideTheFolderIsRefused() {
		JourneyUpload upload = new JourneyUpload();
		upload.add("templates/../../etc/email.en.liquid", new byte[0]);
		upload.add("C:/journeys/a.bpmn", new byte[0]);

		assertThat(upload.problems()).hasSize(2);
		assertThat(upload.files()).isEmpty();
	}

	private static byte[] zip(String... namesAndContents) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < namesAndContents.length; i += 2) {
			entries.put(namesAndContents[i], namesAndContents[i + 1]);
		}
		return zip(entries);
	}

	private static byte[] zip(Map<String, String> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
