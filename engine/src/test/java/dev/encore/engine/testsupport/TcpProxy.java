package dev.encore.engine.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy a test can cut: {@link #cut()} drops every connection and refuses
 * new ones, as a crashed or unreachable server would; {@link #restore()} listens again on
 * the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<Socket> targets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile boolean hanging;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = listen(0);
	}

	public int port() {
		return this.port;
	}

	public synchronized void cut() {
		closeQuietly(this.server);
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * New connections are accepted and then hang, not a byte forwarded, as with a
	 * provider that stopped answering; connections already open go on.
	 */
	public void hang() {
		this.hanging = true;
	}

	/** Connections forwarded to the target and still open. */
	public long forwarding() {
		return this.targets.stream().filter((target) -> !target.isClosed()).count();
	}

	public synchronized void restore() {
		listen(this.port);
	}

	@Override
	public void close() {
		cut();
	}

	private int listen(int port) {
		try {
			ServerSocket listening = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			listening.setReuseAddress(true);
			this.server = listening;
			daemon("tcp-proxy-accept", () -> accept(listening));
			return listening.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				if (this.hanging) {
					this.sockets.add(client);
					continue;
				}
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				this.targets.add(target);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException ex) {
				// Cut: the listening socket was closed.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon("tcp-proxy-pipe", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side went away: close both so the peer sees it too.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Already closed.
		}
	}

}
