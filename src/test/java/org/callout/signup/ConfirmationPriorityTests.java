package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.callout.mail.RelayBudget;
import org.callout.support.ApiSignups;
import org.callout.support.H2Database;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one-off lane: while two bulk senders draw every token the relay budget (10 a second) hands out, a
 * confirmation still goes out within seconds, from the reserve that bulk sends leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callout.mail.transport=smtp", "callout.mail.smtp.host=127.0.0.1", "callout.mail.relay.per-second=10",
				"callout.signup.queue-poll-interval=1s" })
@H2Database
class ConfirmationPriorityTests {

	static final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.smtp.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	RelayBudget budget;

	@Test
	void aConfirmationGoesOutWhileABulkStreamHoldsTheRelayBudget() throws Exception {
		AtomicBoolean streaming = new AtomicBoolean(true);
		AtomicInteger bulkGranted = new AtomicInteger();
		try (ExecutorService bulk = Executors.newFixedThreadPool(2)) {
			try {
				streamBulk(bulk, streaming, bulkGranted);
				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bulkGranted.get() >= 9);
				int bulkBefore = bulkGranted.get();

				signUp("first-in-line@example.org");
				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> smtp.receivedFor("first-in-line@example.org") == 1);

				// The stream was still live: it goes on taking each token as it comes.
				Awaitility.await("the bulk stream kept drawing").atMost(Duration.ofSeconds(3)).until(() -> bulkGranted.get() > bulkBefore);
			}
			finally {
				streaming.set(false);
			}
		}
	}

	private void streamBulk(ExecutorService bulk, AtomicBoolean streaming, AtomicInteger bulkGranted) {
		for (int i = 0; i < 2; i++) {
			bulk.execute(() -> {
				while (streaming.get()) {
					bulkGranted.addAndGet(budget.acquire(RelayBudget.Lane.BULK, 50, Duration.ofMillis(5)));
				}
			});
		}
	}

	private void signUp(String address) throws Exception {
		ApiSignups.signUp(port, address);
	}

}
