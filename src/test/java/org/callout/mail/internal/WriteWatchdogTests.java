package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay connections' write timeout, against a real server on loopback that accepts and then never reads. */
class WriteWatchdogTests {

	final ServerSocket relay = listen();

	@AfterEach
	void stop() throws IOException {
		relay.close();
	}

	@Test
	void aWriteTheRelayNeverReadsFailsOnceItHasTakenLongerThanTheTimeout() throws Exception {
		Socket socket = new RelaySocketFactory(Duration.ofMillis(400)).createSocket(relay.getInetAddress(), relay.getLocalPort());
		Socket accepted = relay.accept(); // kept open, never read
		long started = System.nanoTime();
		CompletableFuture<Throwable> writing = CompletableFuture.supplyAsync(() -> {
			try {
				OutputStream out = socket.getOutputStream();
				byte[] megabyte = new byte[1 << 20];
				for (int i = 0; i < 1024; i++) { // a gigabyte: far past what the sockets' buffers hold
					out.write(megabyte);
				}
				return null;
			}
			catch (IOException ex) {
				return ex;
			}
		});

		Throwable failure = writing.get(10, TimeUnit.SECONDS);
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(failure).isInstanceOf(IOException.class);
		assertThat(socket.isClosed()).isTrue();
		assertThat(tookMillis).as("closed after the timeout, within about a quarter of it more").isBetween(400L, 5_000L);
		accepted.close();
	}

	@Test
	void anIdleConnectionIsNeverClosedForItsAge() throws Exception {
		Socket socket = new RelaySocketFactory(Duration.ofMillis(200)).createSocket(relay.getInetAddress(), relay.getLocalPort());
		Socket accepted = relay.accept();
		socket.getOutputStream().write("EHLO example.org\r\n".getBytes());

		Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !socket.isClosed());

		socket.close();
		accepted.close();
	}

	@Test
	void aCorkedSocketHoldsWritesAndFlushesThenSendsThemInOneWrite() throws Exception {
		RelaySocket socket = (RelaySocket) new RelaySocketFactory(Duration.ofSeconds(5)).createSocket(relay.getInetAddress(),
				relay.getLocalPort());
		Socket accepted = relay.accept();
		accepted.setSoTimeout(5_000);
		OutputStream out = socket.getOutputStream();

		socket.cork();
		out.write("MAIL FROM:<a@example.org>\r\n".getBytes());
		out.flush();
		out.write('R');
		out.write("CPT TO:<b@example.org>\r\n".getBytes());
		out.flush();
		assertThat(accepted.getInputStream().available()).as("nothing sent while corked").isZero();
		socket.uncork();

		byte[] read = accepted.getInputStream().readNBytes(52);
		assertThat(new String(read)).isEqualTo("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n");
		socket.close();
		accepted.close();
	}

	private static ServerSocket listen() {
		try {
			return new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
