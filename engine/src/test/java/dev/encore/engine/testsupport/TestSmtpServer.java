package dev.encore.engine.testsupport;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free loopback port, so
 * every Spring test context can point {@code spring.mail.*} at it.
 */
public final class TestSmtpServer {

	private static final GreenMail SERVER = start();

	private TestSmtpServer() {
	}

	public static GreenMail get() {
		return SERVER;
	}

	public static int port() {
		return SERVER.getSmtp().getPort();
	}

	private static GreenMail start() {
		GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		return greenMail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
