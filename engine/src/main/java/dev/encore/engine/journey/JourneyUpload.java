package dev.encore.engine.journey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of one deploy request, a zip of a journeys folder opened: {@code .bpmn} and
 * {@code .dmn} by file name, templates by their {@code templates/...} path; anything else
 * in a zip (README, element templates) is left out. A zip may not reach outside its
 * folder nor unpack to more than {@link #MAX_TOTAL_BYTES} (a zip bomb).
 */
final class JourneyUpload {

	static final int MAX_ENTRIES = 2_000;

	static final long MAX_ENTRY_BYTES = 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;

	private final Map<String, byte[]> files = new LinkedHashMap<>();

	private final List<JourneyProblem> problems = new ArrayList<>();

	private long totalBytes;

	/** Adds one uploaded file, opening it when it is a zip. */
	void add(String name, byte[] content) {
		if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			addZip(name, content);
		}
		else if (unsafe(name)) {
			this.problems.add(new JourneyProblem(name, null, "a file name may not contain '..' or start with '/'"));
		}
		else {
			this.files.put(name, content);
		}
	}

	Map<String, byte[]> files() {
		return this.files;
	}

	/** Why the upload cannot even be read; then nothing is validated further. */
	List<JourneyProblem> problems() {
		return this.problems;
	}

	private void addZip(String zipName, byte[] content) {
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					refuse(zipName, "has more than " + MAX_ENTRIES + " entries");
					return;
				}
				String path = entry.getName().replace('\\', '/');
				if (unsafe(path)) {
					refuse(zipName + "!" + entry.getName(), "a zip entry may not contain '..' or start with '/'");
					return;
				}
				String name = entry.isDirectory() ? null : journeyName(path);
				if (name != null) {
					byte[] bytes = readBounded(zip, zipName + "!" + path);
					if (bytes == null) {
						return;
					}
					this.files.put(name, bytes);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			refuse(zipName, "not a readable zip file: " + ex.getMessage());
		}
	}

	/** What the entry is deployed as, null for what a journeys folder holds besides. */
	private static String journeyName(String path) {
		if (path.endsWith(".liquid")) {
			int folder = path.startsWith(TemplateFile.FOLDER) ? -1 : path.indexOf("/" + TemplateFile.FOLDER);
			return (path.startsWith(TemplateFile.FOLDER) || folder >= 0) ? path.substring(folder + 1) : null;
		}
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		return (fileName.endsWith(".bpmn") || fileName.endsWith(".dmn")) ? fileName : null;
	}

	/**
	 * The entry's bytes as actually inflated (a header's size can lie), null if too many.
	 */
	private byte[] readBounded(InputStream in, String name) throws IOException {
		byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
		if (bytes.length > MAX_ENTRY_BYTES) {
			refuse(name, "is larger than " + MAX_ENTRY_BYTES + " bytes unpacked");
			return null;
		}
		this.totalBytes += bytes.length;
		if (this.totalBytes > MAX_TOTAL_BYTES) {
			refuse(name, "the zip unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
			return null;
		}
		return bytes;
	}

	private void refuse(String name, String message) {
		this.problems.add(new JourneyProblem(name, null, message));
	}

	private static boolean unsafe(String path) {
		return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")
				|| List.of(path.split("[/\\\\]")).contains("..");
	}

}
