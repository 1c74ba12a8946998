package dev.encore.engine.consent;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.encore.engine.testsupport.EncoreNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints without a login refuse big bodies (about 1 MB) before reading them: a
 * declared Content-Length of 2 MB is answered 413 problem+json although not one byte of
 * the body is sent, and a chunked body without a length is cut off at the limit. Raw
 * sockets, because an HTTP client would not send headers without the body it announced.
 */
@Tag("integration")
class WebhookBodyLimitTest {

	private static final int TWO_MB = 2 * 1024 * 1024;

	private static final String FORM = "application/x-www-form-urlencoded";

	private static EncoreNode node;

	@BeforeAll
	static void start() {
		node = EncoreNode.startEmbedded("webhookBodyLimit", Map.of());
	}

	@AfterAll
	static void stop() {
		node.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/webhooks/twilio/inbound", "/webhooks/line", "/unsubscribe/any-token" })
	void aDeclaredTwoMegabyteBodyIs413BeforeAByteOfItIsSent(String path) throws Exception {
		try (Socket socket = connect()) {
			send(socket, head(path, contentType(path), "Content-Length: " + TWO_MB));
			// Nothing of the body follows: the answer can only come from the header.
			List<String> answer = answer(socket);
			assertThat(answer.get(0)).startsWith("HTTP/1.1 413");
			assertThat(answer).anyMatch((line) -> line.equalsIgnoreCase("Content-Type: application/problem+json"));
			assertThat(answer.get(answer.size() - 1)).contains("\"status\":413");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/webhooks/twilio/inbound", "/webhooks/line", "/unsubscribe/any-token" })
	void aChunkedBodyWithoutLengthIs413AtTheLimit(String path) throws Exception {
		try (Socket socket = connect()) {
			send(socket, head(path, contentType(path), "Transfer-Encoding: chunked"));
			Thread writer = new Thread(() -> writeChunks(socket, TWO_MB), "chunked-writer");
			writer.setDaemon(true);
			writer.start();
			List<String> answer = answer(socket);
			assertThat(answer.get(0)).startsWith("HTTP/1.1 413");
			assertThat(answer).anyMatch((line) -> line.equalsIgnoreCase("Content-Type: application/problem+json"));
			assertThat(answer.get(answer.size() - 1)).contains("\"status\":413");
		}
	}

	@Test
	void aSmallChunkedFormStillReachesTheWebhook() throws Exception {
		String phone = "+8869" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999));
		Map<String, String> stop = Map.of("From", phone, "Body", "STOP", "MessageSid", "SM" + UUID.randomUUID());
		byte[] form = stop.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"))
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = connect()) {
			send(socket, head("/webhooks/twilio/inbound", FORM, "Transfer-Encoding: chunked",
					"X-Twilio-Signature: " + WebhookSignatures.twilio(stop)));
			OutputStream out = socket.getOutputStream();
			out.write((Integer.toHexString(form.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(form);
			out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			List<String> answer = answer(socket);
			assertThat(answer.get(0)).startsWith("HTTP/1.1 200");
			assertThat(answer.get(answer.size() - 1)).isEqualTo("<Response/>");
		}
	}

	private static String contentType(String path) {
		return path.equals("/webhooks/line") ? "application/json" : FORM;
	}

	private static Socket connect() throws IOException {
		URI base = URI.create(node.baseUrl());
		Socket socket = new Socket(base.getHost(), base.getPort());
		socket.setSoTimeout(30_000);
		return socket;
	}

	private static String head(String path, String contentType, String... headers) {
		return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + contentType
				+ "\r\n" + Arrays.stream(headers).map((header) -> header + "\r\n").collect(Collectors.joining())
				+ "\r\n";
	}

	private static void send(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	/** Writes chunks until the total is sent or the server closes the connection. */
	private static void writeChunks(Socket socket, int total) {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'a');
		try {
			OutputStream out = socket.getOutputStream();
			for (int sent = 0; sent < total; sent += chunk.length) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		catch (IOException ex) {
			// The server answered and closed: the rest is never read.
		}
	}

	/**
	 * The status line, the headers and the body: read no further, because the server may
	 * keep the connection open to drain what the client still sends.
	 */
	private static List<String> answer(Socket socket) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
		List<String> lines = new ArrayList<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			lines.add(line);
		}
		String declared = lines.stream()
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(null);
		// Without a length the body is chunked: the first chunk holds it all.
		int length = Integer.parseInt((declared != null) ? declared : line(in), (declared != null) ? 10 : 16);
		byte[] body = new byte[length];
		in.readFully(body);
		lines.add(new String(body, StandardCharsets.UTF_8));
		return lines;
	}

	private static String line(DataInputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("Connection closed after: " + line);
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

}
