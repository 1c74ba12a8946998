package dev.encore.engine.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Request bodies compressed as Segment's and RudderStack's libraries send them. */
public final class Gzip {

	private Gzip() {
	}

	public static byte[] compress(String text) {
		return compress(text.getBytes(StandardCharsets.UTF_8), new byte[0], 0);
	}

	/**
	 * A zip bomb a JSON parser keeps reading: an object opened, then {@code inflated}
	 * bytes of spaces, which compress about a thousand to one.
	 */
	public static byte[] bomb(int inflated) {
		byte[] spaces = new byte[64 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		return compress("{".getBytes(StandardCharsets.UTF_8), spaces, inflated / spaces.length);
	}

	private static byte[] compress(byte[] head, byte[] chunk, int times) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(head);
			for (int i = 0; i < times; i++) {
				gzip.write(chunk);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
