package org.callout.mail.internal;

import static org.callout.mail.internal.NoDelaySocketFactory.noDelay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocketFactory;

/**
 * TLS and STARTTLS SMTP sockets with TCP_NODELAY, using the JVM's default trust store. Socket creation is
 * {@link NoDelaySocketFactory}'s over the TLS factory; only what is TLS-specific is added here.
 */
final class NoDelaySslSocketFactory extends SSLSocketFactory {

	private final SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();

	private final NoDelaySocketFactory sockets = new NoDelaySocketFactory(tls);

	@Override
	public Socket createSocket() throws IOException {
		return sockets.createSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return sockets.createSocket(host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return sockets.createSocket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return sockets.createSocket(host, port);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
		return sockets.createSocket(address, port, localAddress, localPort);
	}

	/** STARTTLS: TLS layered over the already connected (and already no-delay) plain socket. */
	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return noDelay(tls.createSocket(socket, host, port, autoClose));
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return tls.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return tls.getSupportedCipherSuites();
	}

}
