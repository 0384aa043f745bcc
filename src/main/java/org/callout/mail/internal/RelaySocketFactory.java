package org.callout.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import javax.net.SocketFactory;

/**
 * The relay's TCP connections, for Angus ({@code mail.smtp.socketFactory}, and {@code mail.smtp.ssl.socketFactory} so
 * that TLS too is layered over one of these): with TCP_NODELAY, which Angus has no property for (without it a message
 * over ~8 KB stalls ~40 ms per send, Nagle's algorithm meeting delayed ACKs: 22 messages a second per connection
 * instead of ~900), and with a write timeout kept by {@link WriteWatchdog} instead of Angus's
 * {@code mail.smtp.writetimeout}, which scheduled and cancelled a task on a timer thread around every write: an eighth
 * of the service's CPU in a blast. Being plain (not an {@code SSLSocketFactory}) is what makes Angus call
 * {@link #createSocket()} for TLS too, then wrap the socket in the JVM's default TLS.
 */
final class RelaySocketFactory extends SocketFactory {

	private final WriteWatchdog watchdog;

	/** @param writeTimeout as Angus's timeouts, zero (or less) for none: then no write is ever cut off */
	RelaySocketFactory(Duration writeTimeout) {
		this.watchdog = writeTimeout.isPositive() ? WriteWatchdog.shared(writeTimeout) : null;
	}

	@Override
	public Socket createSocket() throws IOException {
		RelaySocket socket = new RelaySocket(watchdog);
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
		Socket socket = createSocket();
		try {
			if (local != null) {
				socket.bind(local);
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
