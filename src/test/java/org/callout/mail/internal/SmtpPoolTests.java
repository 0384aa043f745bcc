package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.callout.mail.MailDeliveryException;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;

/** The SMTP pool's size bounds the connections open at once, counted at a real SMTP server on loopback. */
class SmtpPoolTests {

	final ScriptedSmtpServer server = ScriptedSmtpServer.start();

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void eightThreadsSendingThroughAPoolOfFourNeverHaveMoreThanFourConnectionsOpen() throws Exception {
		server.dataDelay(Duration.ofMillis(20));
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 4, Duration.ofSeconds(30), null);
		List<Future<?>> sends = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 80; i++) {
				String to = "reader" + i + "@example.org";
				sends.add(threads.submit(() -> smtp.messenger.send(smtp.message(to))));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		smtp.messenger.close();

		assertThat(server.received()).hasSize(80);
		assertThat(server.mostOpenAtOnce()).isEqualTo(4);
		assertThat(server.connectionsOpened()).isEqualTo(4);
	}

	@Test
	void connectionsOpenedAheadAreTheOnesTheSendsUseAndNeverMoreThanThePoolHolds() throws Exception {
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 4, Duration.ofSeconds(30), null);

		assertThat(smtp.messenger.open(6)).isEqualTo(4);
		Awaitility.await().until(() -> server.connectionsOpened() == 4);
		assertThat(smtp.messenger.open(4)).as("all four are open already").isZero();
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String to = "reader" + i + "@example.org";
				sends.add(threads.submit(() -> smtp.messenger.send(smtp.message(to))));
			}
			for (Future<?> send : sends) {
				send.get();
			}
		}
		smtp.messenger.close();

		assertThat(server.received()).hasSize(20);
		assertThat(server.connectionsOpened()).isEqualTo(4);
	}

	@Test
	void aRelayThatCannotBeReachedOpensNothingAheadAndTheSendStillSaysWhy() throws Exception {
		server.down();
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(30), null);

		assertThat(smtp.messenger.open(2)).isZero();
		assertThatThrownBy(() -> smtp.messenger.send(smtp.message("reader@example.org"))).isInstanceOf(MailDeliveryException.class);
		server.up();
		assertThat(smtp.messenger.open(2)).as("the failed connects gave their places back").isEqualTo(2);
		smtp.messenger.send(smtp.message("reader@example.org"));
		smtp.messenger.close();

		assertThat(server.received()).hasSize(1);
	}

	@Test
	void nothingIsOpenedAheadWhileARelayFaultPausesSending() throws Exception {
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 2, Duration.ofSeconds(30), null);
		smtp.status.faulted("535 5.7.8 authentication failed", null);

		assertThat(smtp.messenger.open(2)).isZero();
		smtp.messenger.close();
		assertThat(server.connectionsOpened()).isZero();
	}

	@Test
	void aConnectionTheRelayClosedAfterAMessageDoesNotFailTheNextMessage() throws Exception {
		server.oneMessagePerConnection();
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofSeconds(30), null);
		for (int i = 0; i < 3; i++) {
			smtp.messenger.send(smtp.message("reader" + i + "@example.org"));
		}
		smtp.messenger.close();

		assertThat(server.received()).extracting(r -> r.recipients().getFirst())
			.containsExactly("reader0@example.org", "reader1@example.org", "reader2@example.org");
		assertThat(server.connectionsOpened()).isEqualTo(3);
	}

	@Test
	void aSenderThatFindsNoFreeConnectionWithinTheBorrowTimeoutFailsRetryably() throws Exception {
		server.dataDelay(Duration.ofSeconds(2));
		SmtpTestSupport smtp = new SmtpTestSupport(server.port(), 1, Duration.ofMillis(200), null);
		try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
			Future<?> slow = threads.submit(() -> smtp.messenger.send(smtp.message("first@example.org")));
			Awaitility.await().until(() -> server.mostOpenAtOnce() == 1);

			assertThatThrownBy(() -> smtp.messenger.send(smtp.message("second@example.org")))
				.isInstanceOfSatisfying(MailDeliveryException.class, ex -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.TEMPORARY))
				.hasMessageContaining("No free SMTP connection");
			slow.get();
		}
		smtp.messenger.close();
		assertThat(server.mostOpenAtOnce()).isEqualTo(1);
	}

}
