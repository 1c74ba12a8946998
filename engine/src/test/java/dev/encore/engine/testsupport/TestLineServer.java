package dev.encore.engine.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for the LINE Messaging API (WireMock) for the whole test JVM: the real LINE
 * client of every Spring test context talks to it, and tests verify what it received.
 */
public final class TestLineServer {

	private static final WireMockServer SERVER = start();

	private TestLineServer() {
	}

	public static WireMockServer get() {
		return SERVER;
	}

	public static String baseUrl() {
		return SERVER.baseUrl();
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
