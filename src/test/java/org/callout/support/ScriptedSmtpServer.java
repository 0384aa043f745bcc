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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small SMTP server on loopback whose replies a test scripts, per command line, so it can refuse one
 * recipient with {@code 550 5.1.1}, defer another with {@code 451}, or reject a login. It counts the
 * connections open at once and records every envelope and message it accepted. GreenMail cannot easily answer
 * 5xx per recipient; this one does nothing else.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	/** One accepted message: its envelope and its content. */
	public record Received(String mailFrom, List<String> recipients, String data, Instant at) {
	}

	/** One RCPT TO the server answered, accepted or not. */
	public record Attempt(String recipient, String reply, Instant at) {
	}

	private final ServerSocket server;

	private final CountDownLatch slowRelay = new CountDownLatch(1);

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger mostOpen = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private volatile Function<String, String> script = line -> null;

	private volatile Duration dataDelay = Duration.ZERO;

	private ScriptedSmtpServer(ServerSocket server) {
		this.server = server;
		Thread.ofVirtual().name("scripted-smtp-accept").start(this::accept);
	}

	public static ScriptedSmtpServer start() {
		try {
			return new ScriptedSmtpServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return server.getLocalPort();
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

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread.ofVirtual().name("scripted-smtp-session").start(() -> session(socket));
			}
			catch (IOException ex) {
				return; // Closed.
			}
		}
	}

	private void session(Socket socket) {
		connections.incrementAndGet();
		mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
		try (socket) {
			socket.setTcpNoDelay(true);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			String greeting = reply("GREETING", "220 scripted.example ESMTP");
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
					write(out, reply(line, "250-scripted.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME"));
				}
				else if (upper.startsWith("MAIL FROM:")) {
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
					write(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					String dataLine;
					while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
						data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
					}
					if (!dataDelay.isZero()) {
						// A slow relay's latency: nothing ever counts this latch down, so it waits the whole delay.
						slowRelay.await(dataDelay.toMillis(), TimeUnit.MILLISECONDS);
					}
					String answer = reply(".", "250 2.0.0 Ok: queued");
					if (answer.startsWith("2")) {
						received.add(new Received(mailFrom, List.copyOf(recipients), data.toString(), Instant.now()));
					}
					write(out, answer);
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
			open.decrementAndGet();
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
