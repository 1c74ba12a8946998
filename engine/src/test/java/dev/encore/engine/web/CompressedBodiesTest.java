package dev.encore.engine.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.encore.engine.intake.PayloadTooLargeException;
import dev.encore.engine.testsupport.Gzip;
import dev.encore.engine.web.BodyLimits.Limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A gzipped body is inflated only up to the limit, however much more it holds. */
class CompressedBodiesTest {

	private static final Limit LIMIT = new Limit("The event", 32 * 1024);

	@Test
	void aZipBombStopsInflatingAtTheLimitWithMostOfItUnread() throws Exception {
		byte[] bomb = Gzip.bomb(64 * 1024 * 1024);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/track");
		request.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		request.setContent(bomb);
		CompressedBodies.InflatedRequest inflated = new CompressedBodies.InflatedRequest(request, LIMIT);

		InputStream body = inflated.getInputStream();
		byte[] buffer = new byte[8192];
		long[] read = { 0 };
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> {
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				read[0] += n;
			}
		});
		assertThat(read[0]).isLessThanOrEqualTo(LIMIT.bytes());
		// 64 MB would have needed all of the ~64 KB sent; the limit took a small part.
		int unread = request.getInputStream().available();
		assertThat(bomb.length - unread).isLessThan(bomb.length / 10);
	}

	@Test
	void theInflatedRequestLooksUncompressed() throws Exception {
		byte[] body = Gzip.compress("{\"type\": \"track\"}");
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/track");
		request.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		request.addHeader(HttpHeaders.CONTENT_TYPE, "application/json");
		request.setContent(body);
		CompressedBodies.InflatedRequest inflated = new CompressedBodies.InflatedRequest(request, LIMIT);

		assertThat(new String(inflated.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\": \"track\"}");
		assertThat(inflated.getHeader(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(inflated.getContentLengthLong()).isEqualTo(-1);
		assertThat(java.util.Collections.list(inflated.getHeaderNames())).containsExactly(HttpHeaders.CONTENT_TYPE);
	}

}
