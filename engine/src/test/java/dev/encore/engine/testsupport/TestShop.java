package dev.encore.engine.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A shop's web server on its own port, so its pages are another origin than Encore's: a
 * product page ({@code src/test/e2e/shop}) and analytics.js as a shop hosts it, the
 * browser build of the npm package the build installs ({@code /analytics-next/}).
 * Reachable as {@code http://127.0.0.1:port} and {@code http://localhost:port}, two
 * origins.
 */
public final class TestShop implements AutoCloseable {

	private static final Path E2E = Path.of("src/test/e2e");

	private static final Path ANALYTICS_JS = E2E.resolve("node_modules/@segment/analytics-next/dist/umd");

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

	private final HttpServer server;

	private TestShop(HttpServer server) {
		this.server = server;
	}

	public static TestShop start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> serve(exchange, E2E.resolve("shop/index.html"), "text/html"));
			server.createContext("/analytics-next/", (exchange) -> {
				String name = exchange.getRequestURI().getPath().substring("/analytics-next/".length());
				serve(exchange, FILE_NAME.matcher(name).matches() ? ANALYTICS_JS.resolve(name) : null,
						"text/javascript");
			});
			server.start();
			return new TestShop(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The origin Encore is told to accept. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The same pages from an origin Encore is not told about. */
	public String otherOrigin() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	private static void serve(HttpExchange exchange, Path file, String contentType) throws IOException {
		try (exchange) {
			if (file == null || !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = Files.readAllBytes(file);
			exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
