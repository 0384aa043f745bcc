package org.callout.subscribers.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An export of 100 000 subscribers is written a page at a time as the client reads: while the client stops
 * reading, the server stops too, far short of the end, because it holds one page and the socket's buffers, never
 * the list. (Were the file built in memory first, every row would be written before the first byte arrived.)
 */
// Its own context, so its 100 000 rows do not slow every other export test.
@TestPropertySource(properties = "callout.test.context=large-export")
abstract class LargeExportStreamingTests extends SubscriberExportSupport {

	static final int SUBSCRIBERS = 100_000;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	AddressHasher hasher;

	@Test
	void anExportOfAHundredThousandWaitsForItsReaderAndThenDeliversEveryRow() throws Exception {
		seed();
		try (Socket socket = new Socket()) {
			// A small window, so what the kernel holds for a reader who stopped is a few pages, not megabytes.
			socket.setReceiveBufferSize(32 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			OutputStream out = socket.getOutputStream();
			// HTTP/1.0: the body is plain bytes up to the end of the connection, no chunks to take apart.
			out.write(("GET /api/v1/subscribers/export HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String id = headers(in);
			for (int i = 0; i < 101; i++) {
				assertThat(in.readLine()).isNotNull();
			}

			long writtenWhileStopped = awaitStalled(id);
			System.out.printf("Export streaming: %d of %d rows written while the reader had read 100%n", writtenWhileStopped, SUBSCRIBERS);

			assertThat(writtenWhileStopped).isLessThan(SUBSCRIBERS / 2);
			assertThat(progress(id).get("status").asString()).isEqualTo("RUNNING");
			long rest = in.lines().count();
			assertThat(101 + rest).isEqualTo(SUBSCRIBERS + 1);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> progress(exportId).get("status").asString().equals("DONE"));
		assertThat(progress(exportId).get("written").asLong()).isEqualTo(SUBSCRIBERS);
	}

	private String exportId;

	private String headers(BufferedReader in) throws Exception {
		String status = in.readLine();
		assertThat(status).startsWith("HTTP/1.1 200");
		for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
			if (line.regionMatches(true, 0, "Callout-Export-Id:", 0, 18)) {
				exportId = line.substring(18).strip();
			}
		}
		assertThat(exportId).isNotNull();
		return exportId;
	}

	/** What the server had written once it stopped moving for a while (it waits on the socket). */
	private long awaitStalled(String id) {
		AtomicLong last = new AtomicLong(-1);
		return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			long written = progress(id).get("written").asLong();
			return last.getAndSet(written) == written ? written : -1;
		}, written -> written > 0);
	}

	private JsonNode progress(String id) throws Exception {
		return json.readTree(admin("/api/v1/subscribers/exports/" + id).body());
	}

	// Rows of some 300 bytes, as real ones with a street address are: the socket's buffers then hold a few
	// thousand of them, far from the end.
	private void seed() {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(SUBSCRIBERS);
		for (int i = 0; i < SUBSCRIBERS; i++) {
			EmailAddress email = EmailAddress.parse("export-" + i + "@example.org");
			rows.add(new Object[] { email.value(), email.matchKey(), hasher.hash(email.matchKey()), "Ana María", "Díaz Rodríguez",
					"12207", "Apartment " + i + ", 1600 Washington Avenue, between the State Museum and the Empire State Plaza garage", "en", now });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO subscribers (email, email_key, email_hash, first_name, last_name, zip, street_address, language, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

}
