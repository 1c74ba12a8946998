package dev.encore.engine.intake;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps intake request bodies while they are read, chunked or not: reading past the limit
 * fails with {@link PayloadTooLargeException}, which the API answers with 413 before
 * anything is applied.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final IntakeProperties properties;

	RequestSizeLimit(IntakeProperties properties) {
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/v1/events") && !path.startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean batch = request.getRequestURI().endsWith("/batch");
		long limit = batch ? this.properties.maxBatchSize().toBytes() : this.properties.maxEventSize().toBytes();
		chain.doFilter(new Limited(request, limit, batch ? "The batch" : "The event"), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private final String what;

		Limited(HttpServletRequest request, long limit, String what) {
			super(request);
			this.limit = limit;
			this.what = what;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			long declared = getContentLengthLong();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					this.read += b < 0 ? 0 : 1;
					check(0);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					check(0);
					int n = in.read(buffer, offset, length);
					this.read += Math.max(n, 0);
					check(0);
					return n;
				}

				private void check(long next) throws PayloadTooLargeException {
					if (declared > Limited.this.limit || this.read + next > Limited.this.limit) {
						throw new PayloadTooLargeException(Limited.this.what, Limited.this.limit);
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
