package org.callout.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small SMTP server on loopback whose replies a test scripts, per command line, so it can refuse one
 * recipient with {@code 550 5.1.1}, defer another with {@code 451}, or reject a login. It counts the
 * connections open at once and records every envelope and message it accepted. GreenMail cannot easily answer
 * 5xx per recipient; this one does nothing else. It can also hang up instead of answering ({@link #DROP}), and go
 * down and come back on the same port ({@link #down()}, {@link #up()}), as a relay in trouble does.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	/**
	 * A scripted reply that is no reply: the server closes the connection instead. At the end of DATA the message
	 * was then received whole but never acknowledged (see {@link #unacknowledged()}).
	 */
	public static final String DROP = "<drop the connection>";

	/** One accepted message: its envelope and its content. */
	public record Received(String mailFrom, List<String> recipients, String data, Instant at) {
	}

	/** One RCPT TO the server answered, accepted or not. */
	public record Attempt(String recipient, String reply, Instant at) {
	}

	private volatile ServerSocket server;

	private final int port;

	private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();

	private final ConcurrentLinkedQueue<Received> unacknowledged = new ConcurrentLinkedQueue<>();

	private volatile Thread acceptor;

	private final CountDownLatch slowRelay = new CountDownLatch(1);

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger mostOpen = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private volatile Function<String, String> script = line -> null;

	private volatile Duration dataDelay = Duration.ZERO;

	private volatile boolean oneMessagePerConnection;

	private volatile boolean pipelining = true;

	private volatile boolean laxData;

	private volatile boolean startTls;

	private final AtomicInteger pipelinedGroups = new AtomicInteger();

	private ScriptedSmtpServer(ServerSocket server) {
		this.server = server;
		this.port = server.getLocalPort();
		ServerSocket listening = server;
		this.acceptor = Thread.ofVirtual().name("scripted-smtp-accept").start(() -> accept(listening));
	}

	public static ScriptedSmtpServer start() {
		try {
			return new ScriptedSmtpServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same server speaking TLS from the first byte (port 465's kind), with GreenMail's self-signed test certificate:
	 * a client must trust it by name ({@code mail.smtp.ssl.trust}).
	 */
	public static ScriptedSmtpServer startTls() {
		try {
			return new ScriptedSmtpServer(new com.icegreen.greenmail.util.DummySSLServerSocketFactory().createServerSocket(0, 200,
					InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	/**
	 * The relay goes down: it stops listening (a connection attempt is refused) and hangs up every open
	 * connection, the idle ones a client keeps in its pool too.
	 */
	public synchronized ScriptedSmtpServer down() {
		close();
		try {
			// The port is free only once the thread blocked in accept() has let go of it.
			acceptor.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Socket socket : sessions) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closed already.
			}
		}
		return this;
	}

	/** The relay is back, on the same port. */
	public synchronized ScriptedSmtpServer up() {
		if (!server.isClosed()) {
			return this;
		}
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			server = listening;
			acceptor = Thread.ofVirtual().name("scripted-smtp-accept").start(() -> accept(listening));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sets the replies: the function gets each command line as sent ({@code RCPT TO:<a@example.org>}, or
	 * {@code GREETING} before the greeting, or {@code .} at the end of DATA) and returns the reply, or null for
	 * the usual success.
	 */
	public ScriptedSmtpServer script(Function<String, String> script) {
		this.script = script;
		return this;
	}

	/** Closes each connection right after it accepted a message, without a word: a relay's limit of one per connection. */
	public ScriptedSmtpServer oneMessagePerConnection() {
		this.oneMessagePerConnection = true;
		return this;
	}

	/** Does not offer PIPELINING (RFC 2920) in its EHLO reply, like GreenMail; it offers it by default, like Postfix. */
	public ScriptedSmtpServer withoutPipelining() {
		this.pipelining = false;
		return this;
	}

	/**
	 * Answers DATA with 354 even when no sender or recipient was accepted, as a lax server might (RFC 2920 3.1 tells
	 * clients to expect it); by default DATA then gets Postfix's 554 or 503.
	 */
	public ScriptedSmtpServer laxData() {
		this.laxData = true;
		return this;
	}

	/**
	 * Offers STARTTLS (RFC 3207) and, asked for it, goes on in TLS with GreenMail's self-signed test certificate: a client
	 * must trust it by name ({@code mail.smtp.ssl.trust}).
	 */
	public ScriptedSmtpServer offerStartTls() {
		this.startTls = true;
		return this;
	}

	/** How many sessions went on in TLS after STARTTLS. */
	public int startedTls() {
		return startedTls.get();
	}

	private final AtomicInteger startedTls = new AtomicInteger();

	/** How many MAIL FROM commands arrived with their RCPT TO and DATA already behind them: pipelined by the client. */
	public int pipelinedGroups() {
		return pipelinedGroups.get();
	}

	/** Answers each end of DATA this much later, to keep connections busy. */
	public ScriptedSmtpServer dataDelay(Duration delay) {
		this.dataDelay = delay;
		return this;
	}

	/** The most connections that were open at the same moment. */
	public int mostOpenAtOnce() {
		return mostOpen.get();
	}

	public int connectionsOpened() {
		return connections.get();
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	public List<Attempt> attempts() {
		return List.copyOf(attempts);
	}

	/** RCPT TO attempts for one address, in order. */
	public List<Attempt> attemptsFor(String address) {
		return attempts.stream().filter(a -> a.recipient().equalsIgnoreCase(address)).toList();
	}

	/** Messages accepted for one address. */
	public long receivedFor(String address) {
		return received.stream().filter(r -> r.recipients().stream().anyMatch(address::equalsIgnoreCase)).count();
	}

	/** Messages received whole but never acknowledged: the end of DATA was answered with {@link #DROP}. */
	public List<Received> unacknowledged() {
		return List.copyOf(unacknowledged);
	}

	/** Every whole copy of a message to one address the server got, acknowledged or not. */
	public long copiesFor(String address) {
		return receivedFor(address) + unacknowledged.stream()
			.filter(r -> r.recipients().stream().anyMatch(address::equalsIgnoreCase))
			.count();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket socket = listening.accept();
				Thread.ofVirtual().name("scripted-smtp-session").start(() -> session(socket));
			}
			catch (IOException ex) {
				return; // Closed.
			}
		}
	}

	private void session(Socket socket) {
		sessions.add(socket);
		connections.incrementAndGet();
		mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
		try (socket) {
			socket.setTcpNoDelay(true);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			boolean inTls = socket instanceof javax.net.ssl.SSLSocket;
			String greeting = reply("GREETING", "220 scripted.example ESMTP");
			if (greeting.equals(DROP)) {
				return;
			}
			write(out, greeting);
			if (!greeting.startsWith("2")) {
				return;
			}
			String mailFrom = null;
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String upper = line.toUpperCase(Locale.ROOT);
				if (upper.startsWith("EHLO")) {
					write(out, reply(line, "250-scripted.example\r\n" + (pipelining ? "250-PIPELINING\r\n" : "")
							+ (startTls && !inTls ? "250-STARTTLS\r\n" : "") + "250-AUTH PLAIN LOGIN\r\n250 8BITMIME"));
				}
				else if (upper.equals("STARTTLS") && startTls && !inTls) {
					write(out, "220 2.0.0 Ready to start TLS");
					javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) tlsContext().getSocketFactory()
						.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
					tls.setUseClientMode(false);
					tls.startHandshake();
					in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
					out = tls.getOutputStream();
					inTls = true;
					startedTls.incrementAndGet();
					mailFrom = null; // RFC 3207: the client starts over, from EHLO
					recipients.clear();
				}
				else if (upper.startsWith("MAIL FROM:")) {
					if (in.ready()) {
						// RCPT TO (and DATA) were in the same read: sent before this reply, so pipelined.
						pipelinedGroups.incrementAndGet();
					}
					String answer = reply(line, "250 2.1.0 Ok");
					mailFrom = answer.startsWith("2") ? address(line) : null;
					recipients.clear();
					write(out, answer);
				}
				else if (upper.startsWith("RCPT TO:")) {
					String answer = reply(line, "250 2.1.5 Ok");
					attempts.add(new Attempt(address(line), answer, Instant.now()));
					if (answer.startsWith("2")) {
						recipients.add(address(line));
					}
					write(out, answer);
				}
				else if (upper.equals("DATA")) {
					if (!laxData && (mailFrom == null || recipients.isEmpty())) {
						write(out, mailFrom == null ? "503 5.5.1 Error: need MAIL command" : "554 5.5.1 Error: no valid recipients");
						continue;
					}
					write(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					String dataLine;
					while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
						data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
					}
					if (dataLine == null) {
						return; // cut off in the middle of DATA: no message, as a real server counts it
					}
					if (!dataDelay.isZero()) {
						// A slow relay's latency: nothing ever counts this latch down, so it waits the whole delay.
						slowRelay.await(dataDelay.toMillis(), TimeUnit.MILLISECONDS);
					}
					String answer = reply(".", "250 2.0.0 Ok: queued");
					if (answer.equals(DROP)) {
						unacknowledged.add(new Received(mailFrom, List.copyOf(recipients), data.toString(), Instant.now()));
						return;
					}
					if (answer.startsWith("2")) {
						received.add(new Received(mailFrom, List.copyOf(recipients), data.toString(), Instant.now()));
					}
					write(out, answer);
					mailFrom = null; // the transaction is over: the next DATA needs its own MAIL and RCPT
					recipients.clear();
					if (oneMessagePerConnection) {
						return;
					}
				}
				else if (upper.equals("QUIT")) {
					write(out, "221 2.0.0 Bye");
					return;
				}
				else if (upper.startsWith("RSET")) {
					mailFrom = null;
					recipients.clear();
					write(out, "250 2.0.0 Ok");
				}
				else if (upper.startsWith("AUTH")) {
					write(out, reply(line, "235 2.7.0 Authentication successful"));
				}
				else {
					write(out, reply(line, "250 2.0.0 Ok"));
				}
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			sessions.remove(socket);
			open.decrementAndGet();
		}
	}

	private static javax.net.ssl.SSLContext tlsContext() throws IOException {
		try {
			javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory
				.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
			// GreenMail's own test key store and its password
			keys.init(new com.icegreen.greenmail.util.DummySSLServerSocketFactory().getKeyStore(), "changeit".toCharArray());
			javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

	private String reply(String line, String usual) {
		String scripted = script.apply(line);
		return scripted == null ? usual : scripted;
	}

	private static String address(String line) {
		int start = line.indexOf('<');
		int end = line.indexOf('>', start + 1);
		return start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).strip();
	}

	private static void write(OutputStream out, String reply) throws IOException {
		if (reply.equals(DROP)) {
			throw new IOException("Scripted: the connection is dropped instead of answered");
		}
		out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

}
