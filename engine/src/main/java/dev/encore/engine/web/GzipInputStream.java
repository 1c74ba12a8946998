package dev.encore.engine.web;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body inflated as it is read. Opened lazily, so a body that is not gzip fails
 * when it is read, as {@link MalformedGzipException} (400), like bad JSON.
 */
final class GzipInputStream extends ServletInputStream {

	private final ServletInputStream compressed;

	private GZIPInputStream inflated;

	private boolean finished;

	GzipInputStream(ServletInputStream compressed) {
		this.compressed = compressed;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			if (this.inflated == null) {
				this.inflated = new GZIPInputStream(this.compressed);
			}
			int n = this.inflated.read(buffer, offset, length);
			this.finished = n < 0;
			return n;
		}
		catch (ZipException | EOFException ex) {
			throw new MalformedGzipException(ex);
		}
	}

	@Override
	public boolean isFinished() {
		return this.finished;
	}

	@Override
	public boolean isReady() {
		return this.compressed.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		throw new UnsupportedOperationException("Compressed bodies are read blocking");
	}

	@Override
	public void close() throws IOException {
		this.compressed.close();
	}

	/** A body announced as gzip that is not (or is cut short). */
	static final class MalformedGzipException extends IOException {

		MalformedGzipException(IOException cause) {
			super("The request body is not valid gzip", cause);
		}

	}

}
