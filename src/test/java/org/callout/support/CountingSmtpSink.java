package org.callout.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;

/**
 * An SMTP sink on loopback for blasts of tens of thousands: it accepts everything and keeps, per recipient, only
 * how many messages it accepted and when, never the messages themselves ({@link ScriptedSmtpServer} keeps each
 * whole and counts by scanning them all, minutes for 20 000). A message counts once the client has sent its final
 * {@code .} line; one cut off mid-DATA (its sender killed) does not. The count is taken before the {@code 250}
 * reply is written, so a message counted here may never have been acknowledged to a sender killed just then:
 * exactly the case a crash test must see.
 */
public final class CountingSmtpSink implements AutoCloseable {

	/** One accepted message: to whom, when (epoch milliseconds). */
	public record Accepted(String recipient, long atMillis) {
	}

	private final ServerSocket server;

	private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();

	private final AtomicInteger total = new AtomicInteger();

	private final AtomicInteger inData = new AtomicInteger();

	private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();

	private volatile Duration dataDelay = Duration.ZERO;

	private CountingSmtpSink(ServerSocket server) {
		this.server = server;
		Thread.ofVirtual().name("counting-smtp-accept").start(this::accept);
	}

	public static CountingSmtpSink start() {
		try {
			return new CountingSmtpSink(new ServerSocket(0, 500, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Answers each end of DATA this much later: a slower relay, so that a blast lasts long enough to act on. */
	public CountingSmtpSink dataDelay(Duration delay) {
		this.dataDelay = delay;
		return this;
	}

	/** Messages accepted so far. */
	public int total() {
		return total.get();
	}

	/**
	 * Messages being transferred right now: from the DATA command to the reply at its end. While one is, its sender
	 * is in the middle of handing it over.
	 */
	public int inProgress() {
		return inData.get();
	}

	/** Messages accepted for one address (case-insensitive). */
	public int receivedFor(String address) {
		AtomicInteger count = perRecipient.get(address.toLowerCase(Locale.ROOT));
		return count == null ? 0 : count.get();
	}

	/** Messages accepted per recipient (lower-cased), a copy. */
	public Map<String, Integer> perRecipient() {
		Map<String, Integer> copy = new TreeMap<>();
		perRecipient.forEach((address, count) -> copy.put(address, count.get()));
		return copy;
	}

	/** Every accepted message, in the order accepted. */
	public List<Accepted> accepted() {
		return new ArrayList<>(accepted);
	}

	/** Messages accepted in each second (epoch second), a copy. */
	public Map<Long, Integer> perSecond() {
		Map<Long, Integer> seconds = new TreeMap<>();
		for (Accepted one : accepted) {
			seconds.merge(one.atMillis() / 1000, 1, Integer::sum);
		}
		return seconds;
	}

	/**
	 * Waits until no client is connected: after its sender was killed, the last message it wrote may still be in
	 * this sink's socket buffer, and is counted only once its session has read to the end.
	 */
	public CountingSmtpSink awaitNoSession(Duration atMost) {
		Awaitility.await("no SMTP session open").atMost(atMost).pollInterval(Duration.ofMillis(20))
			.until(sessions::isEmpty);
		return this;
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread.ofVirtual().name("counting-smtp-session").start(() -> session(socket));
			}
			catch (IOException ex) {
				return; // Closed.
			}
		}
	}

	private void session(Socket socket) {
		sessions.add(socket);
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			OutputStream out = socket.getOutputStream();
			write(out, "220 sink.example ESMTP");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = readLine(in)) != null) {
				String upper = line.toUpperCase(Locale.ROOT);
				if (upper.startsWith("EHLO")) {
					write(out, "250-sink.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8"); // as Postfix offers
				}
				else if (upper.startsWith("MAIL FROM:") || upper.startsWith("RSET")) {
					recipients.clear();
					write(out, "250 2.0.0 Ok");
				}
				else if (upper.startsWith("RCPT TO:")) {
					recipients.add(address(line));
					write(out, "250 2.1.5 Ok");
				}
				else if (upper.equals("DATA")) {
					inData.incrementAndGet();
					try {
						write(out, "354 End data with <CR><LF>.<CR><LF>");
						if (!readData(in)) {
							return; // Cut off mid-message: not received.
						}
						if (!dataDelay.isZero()) {
							// A slow relay's latency, on this session's own virtual thread.
							LockSupport.parkNanos(dataDelay.toNanos());
						}
						long now = System.currentTimeMillis();
						for (String recipient : recipients) {
							perRecipient.computeIfAbsent(recipient, key -> new AtomicInteger()).incrementAndGet();
							accepted.add(new Accepted(recipient, now));
							total.incrementAndGet();
						}
						recipients.clear();
						write(out, "250 2.0.0 Ok: queued");
					}
					finally {
						inData.decrementAndGet();
					}
				}
				else if (upper.equals("QUIT")) {
					write(out, "221 2.0.0 Bye");
					return;
				}
				else {
					write(out, "250 2.0.0 Ok");
				}
			}
		}
		catch (IOException ex) {
			// The client went away.
		}
		finally {
			sessions.remove(socket);
		}
	}

	/** Reads DATA up to its final "." line; false when the connection ended first. */
	private static boolean readData(InputStream in) throws IOException {
		String line;
		while ((line = readLine(in)) != null) {
			if (line.equals(".")) {
				return true;
			}
		}
		return false;
	}

	/** One line without its CRLF (or LF); null at the end of the stream, also for a last line never ended. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return null;
	}

	private static String address(String line) {
		int start = line.indexOf('<');
		int end = line.indexOf('>', start + 1);
		String address = start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).strip();
		return address.toLowerCase(Locale.ROOT);
	}

	private static void write(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
		sessions.forEach(socket -> {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closed already.
			}
		});
	}

}
