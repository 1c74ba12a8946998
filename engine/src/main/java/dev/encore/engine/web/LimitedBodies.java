package dev.encore.engine.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import dev.encore.engine.intake.PayloadTooLargeException;
import dev.encore.engine.web.BodyLimits.Limit;

/** The request bodies {@link RequestSizeLimit} hands on: counted, or already read. */
final class LimitedBodies {

	private LimitedBodies() {
	}

	/**
	 * Fails with {@link PayloadTooLargeException} as soon as more than the limit is read.
	 */
	static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final Limit limit;

		private long read;

		LimitedInputStream(ServletInputStream in, Limit limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			count((b < 0) ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int bytes) throws PayloadTooLargeException {
			this.read += bytes;
			if (this.read > this.limit.bytes()) {
				throw new PayloadTooLargeException(this.limit.what(), this.limit.bytes());
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

	/** A request whose body stream counts what is read (JSON, bytes). */
	static final class LimitedRequest extends HttpServletRequestWrapper {

		private final Limit limit;

		LimitedRequest(HttpServletRequest request, Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			return new LimitedInputStream(super.getInputStream(), this.limit);
		}

	}

	/**
	 * A form read into memory within the limit, with its parameters parsed from there.
	 */
	static final class BufferedForm extends HttpServletRequestWrapper {

		private final byte[] body;

		private final Map<String, String[]> parameters;

		BufferedForm(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			Charset charset = (request.getCharacterEncoding() != null) ? Charset.forName(request.getCharacterEncoding())
					: StandardCharsets.UTF_8;
			// The container's map holds the query string only once the body was read.
			Map<String, List<String>> all = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> all.put(name, new ArrayList<>(List.of(values))));
			for (String pair : new String(body, charset).split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), charset);
					String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
					all.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
				}
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The form was read already");
				}

			};
		}

	}

}
