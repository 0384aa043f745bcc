package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.callout.support.H2Database;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a blast makes of the relay's answer to one recipient, from a scripted relay: a 4xx is retried with
 * backoff and never past the send-by time, a "no such user" fails and suppresses the address, a message whose
 * end of DATA is never answered is tried again, and a recipient whose email cannot be made is skipped; in each
 * case everyone else gets exactly one message.
 */
@H2Database
class RecipientRepliesTests extends ScriptedRelaySupport {

	@Test
	void a451ToOneRecipientIsDeferredWithTheReplyRetriedWithDoublingBackoffAndSentWhenTheRelayTakesIt() throws Exception {
		String slug = newList();
		List<String> others = members(slug, 3, "other");
		String busy = member(listId(slug), unique("busy"), "Busy");
		AtomicInteger tries = new AtomicInteger();
		smtp.script(line -> line.startsWith("RCPT TO:<" + busy + ">") && tries.incrementAndGet() <= 2
				? "451 4.7.1 <" + busy + ">: Recipient address rejected: greylisted, try again later" : null);

		long blast = startBlast(slug, Map.of());
		JsonNode first = awaitRecord(blast, busy, "DEFERRED", 1);

		assertThat(first.get("smtpReply").asString()).startsWith("451 4.7.1 <" + busy + ">");
		assertThat(delay(first)).isEqualTo(Duration.ofSeconds(1));
		// The clock does not move by itself: a retry before its time would be a bug, and a second is plenty to see one.
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> rcpts(busy) == 1);
		retryIsDue(Duration.ofSeconds(1));
		JsonNode second = awaitRecord(blast, busy, "DEFERRED", 2);
		assertThat(delay(second)).isEqualTo(Duration.ofSeconds(2));
		retryIsDue(Duration.ofSeconds(2));
		JsonNode sent = awaitRecord(blast, busy, "SENT", 3);

		assertThat(sent.get("smtpReply").asString()).startsWith("250");
		assertThat(sent.get("nextAttemptAt").isNull()).isTrue();
		assertThat(awaitState(blast, "SENT", Duration.ofSeconds(20)).get("counts").get("sent").asLong()).isEqualTo(4);
		assertThat(rcpts(busy)).isEqualTo(3);
		assertThat(copies(busy, blast)).isEqualTo(1);
		for (String other : others) {
			assertThat(copies(other, blast)).as(other).isEqualTo(1);
			assertThat(rcpts(other)).as(other).isEqualTo(1);
		}
	}

	@Test
	void a421ToRcptIsDeferredLikeA451AndNeverFailsTheRecipientAtOnce() throws Exception {
		String slug = newList();
		String closing = member(listId(slug), unique("closing"), "Closing");
		AtomicInteger tries = new AtomicInteger();
		smtp.script(line -> line.startsWith("RCPT TO:<" + closing + ">") && tries.incrementAndGet() == 1
				? "421 4.4.2 scripted.example Error: timeout exceeded" : null);

		long blast = startBlast(slug, Map.of());
		JsonNode deferred = awaitRecord(blast, closing, "DEFERRED", 1);
		assertThat(deferred.get("smtpReply").asString()).startsWith("421 4.4.2");
		retryIsDue(Duration.ofSeconds(1));

		awaitRecord(blast, closing, "SENT", 2);
		awaitState(blast, "SENT", Duration.ofSeconds(20));
		assertThat(copies(closing, blast)).isEqualTo(1);
	}

	@Test
	void aRecipientDeferredAsOftenAsMaxAttemptsIsFailedWithTheLastReplyAndNotTriedAgain() throws Exception {
		String slug = newList();
		String full = member(listId(slug), unique("full"), "Full");
		List<String> others = members(slug, 2, "other");
		smtp.script(line -> line.startsWith("RCPT TO:<" + full + ">") ? "452 4.2.2 <" + full + ">: mailbox full" : null);

		long blast = startBlast(slug, Map.of());
		awaitRecord(blast, full, "DEFERRED", 1);
		retryIsDue(Duration.ofSeconds(1));
		awaitRecord(blast, full, "DEFERRED", 2);
		retryIsDue(Duration.ofSeconds(2));
		JsonNode failed = awaitRecord(blast, full, "FAILED", 3);

		// callout.delivery.max-attempts=3 in these tests.
		assertThat(failed.get("reason").asString()).startsWith("deferred 3 times");
		assertThat(failed.get("smtpReply").asString()).startsWith("452 4.2.2");
		assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
		JsonNode done = awaitState(blast, "SENT", Duration.ofSeconds(20));
		assertThat(done.get("counts").get("failed").asLong()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(10));
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> rcpts(full) == 3);
		assertThat(copies(full, blast)).isZero();
		others.forEach(other -> assertThat(copies(other, blast)).as(other).isEqualTo(1));
	}

	@Test
	void whenTheSendByPassesWhileARecipientWaitsForItsRetryItIsNotTriedAgainAndTheBlastEndsExpired() throws Exception {
		String slug = newList();
		String busy = member(listId(slug), unique("busy"), "Busy");
		List<String> others = members(slug, 2, "other");
		smtp.script(line -> line.startsWith("RCPT TO:<" + busy + ">") ? "451 4.3.0 Try again later" : null);
		Instant sendBy = clock.instant().plusSeconds(90);

		long blast = startBlast(slug, Map.of("sendBy", at(sendBy)));
		awaitRecord(blast, busy, "DEFERRED", 1);
		smtp.script(line -> null); // A retry now would be accepted: only the send-by time may stop it.
		clock.advance(Duration.ofSeconds(91));

		JsonNode expired = awaitState(blast, "EXPIRED", Duration.ofSeconds(20));
		JsonNode record = record(blast, busy);
		assertThat(record.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(record.get("reason").asString()).contains("send-by");
		assertThat(expired.get("counts").get("expired").asLong()).isEqualTo(1);
		assertThat(expired.get("counts").get("sent").asLong()).isEqualTo(2);
		assertThat(rcpts(busy)).isEqualTo(1);
		assertThat(copies(busy, blast)).isZero();
		others.forEach(other -> assertThat(copies(other, blast)).as(other).isEqualTo(1));
	}

	@Test
	void aDeferralWhoseNextTryWouldComeAfterTheSendByIsRecordedExpiredAtOnceAndTheBlastEndsExpired() throws Exception {
		String slug = newList();
		String busy = member(listId(slug), unique("busy"), "Busy");
		smtp.script(line -> line.startsWith("RCPT TO:<" + busy + ">") ? "451 4.3.0 Try again later" : null);
		// The first retry (1 s) fits before the send-by; the second (2 s more) would not.
		Instant sendBy = clock.instant().plusMillis(2500);

		long blast = startBlast(slug, Map.of("sendBy", at(sendBy)));
		awaitRecord(blast, busy, "DEFERRED", 1);
		retryIsDue(Duration.ofSeconds(1));
		JsonNode expired = awaitRecord(blast, busy, "EXPIRED", 2);

		assertThat(expired.get("reason").asString()).contains("after the send-by time");
		assertThat(expired.get("smtpReply").asString()).startsWith("451 4.3.0");
		awaitState(blast, "EXPIRED", Duration.ofSeconds(20));
		assertThat(rcpts(busy)).isEqualTo(2);
	}

	@Test
	void a550With511ToRcptFailsThatRecipientWithTheReplySuppressesTheAddressAndSendsTheRestOfTheChunkOnce() throws Exception {
		String slug = newList();
		List<String> before = members(slug, 4, "before");
		String gone = member(listId(slug), unique("gone"), "Gone");
		List<String> after = members(slug, 4, "after");
		String reply = "550 5.1.1 <" + gone + ">: Recipient address rejected: User unknown in virtual mailbox table";
		smtp.script(line -> line.startsWith("RCPT TO:<" + gone + ">") ? reply : null);

		long blast = startBlast(slug, Map.of());
		JsonNode done = awaitState(blast, "SENT", Duration.ofSeconds(30));

		JsonNode record = record(blast, gone);
		assertThat(record.get("status").asString()).isEqualTo("FAILED");
		assertThat(record.get("smtpReply").asString()).isEqualTo(reply);
		assertThat(record.get("reason").asString()).startsWith("no such user");
		assertThat(record.get("attempts").asInt()).isEqualTo(1);
		HttpResponse<String> suppression = admin("/api/v1/suppressions?email=" + gone);
		assertThat(suppression.statusCode()).as(suppression.body()).isEqualTo(200);
		assertThat(suppression.body()).contains("no-such-user");
		assertThat(done.get("counts").get("sent").asLong()).isEqualTo(8);
		assertThat(rcpts(gone)).isEqualTo(1);
		for (String other : concat(before, after)) {
			assertThat(copies(other, blast)).as(other).isEqualTo(1);
			assertThat(rcpts(other)).as(other).isEqualTo(1);
		}
	}

	@Test
	void anAddressTheRelaySaidDoesNotExistIsLeftOutOfTheNextBlast() throws Exception {
		String slug = newList();
		List<String> others = members(slug, 3, "other");
		String gone = member(listId(slug), unique("gone"), "Gone");
		smtp.script(line -> line.startsWith("RCPT TO:<" + gone + ">") ? "550 5.1.1 User unknown" : null);
		long first = startBlast(slug, Map.of());
		awaitState(first, "SENT", Duration.ofSeconds(30));
		smtp.script(line -> null); // Were it in the next blast, the relay would take it now.

		long next = startBlast(slug, Map.of());
		JsonNode done = awaitState(next, "SENT", Duration.ofSeconds(30));

		assertThat(done.get("counts").get("total").asLong()).isEqualTo(3);
		assertThat(deliveries(next)).extracting(r -> r.get("subscriberId").asLong()).doesNotContain(subscriberId(gone));
		assertThat(rcpts(gone)).isEqualTo(1);
		others.forEach(other -> assertThat(copies(other, next)).as(other).isEqualTo(1));
	}

	@Test
	void aMessageWhoseEndOfDataIsNeverAnsweredIsDeferredNotFailedAndDeliveredOnItsRetry() throws Exception {
		String slug = newList();
		List<String> others = members(slug, 5, "other");
		String dropped = member(listId(slug), unique("dropped"), "Dropped");
		// Each session runs on its own thread: remember whose message this session carries, and hang up after its
		// DATA, once, instead of answering it.
		ThreadLocal<Boolean> carriesDropped = ThreadLocal.withInitial(() -> false);
		AtomicInteger hangUps = new AtomicInteger();
		smtp.script(line -> {
			if (line.startsWith("MAIL FROM")) {
				carriesDropped.set(false);
			}
			else if (line.startsWith("RCPT TO:<" + dropped + ">")) {
				carriesDropped.set(true);
			}
			else if (line.equals(".") && carriesDropped.get() && hangUps.incrementAndGet() == 1) {
				return ScriptedSmtpServer.DROP;
			}
			return null;
		});

		long blast = startBlast(slug, Map.of());
		JsonNode deferred = awaitRecord(blast, dropped, "DEFERRED", 1);
		assertThat(deferred.get("nextAttemptAt").isNull()).isFalse();
		retryIsDue(Duration.ofSeconds(1));
		awaitRecord(blast, dropped, "SENT", 2);
		awaitState(blast, "SENT", Duration.ofSeconds(20));

		// The relay had the first copy whole but never said so: the engine cannot know it arrived, and sending it
		// again is the only way not to lose it. So the relay got two copies, and acknowledged one.
		assertThat(copies(dropped, blast)).isEqualTo(2);
		assertThat(accepted(dropped, blast)).isEqualTo(1);
		assertThat(smtp.unacknowledged()).filteredOn(r -> r.recipients().contains(dropped)).hasSize(1);
		others.forEach(other -> assertThat(copies(other, blast)).as(other).isEqualTo(1));
	}

	@Test
	void aRecipientWhoseEmailCannotBeMadeIsSkippedWithTheReasonAndTheOthersAreSent() throws Exception {
		String slug = newList();
		List<String> others = members(slug, 3, "other");
		String odd = member(listId(slug), unique("odd"), "Odd");
		// The template and the values a supporter can type cannot make a render throw (the checker resolves every
		// name at save time, values are inserted as text). What can is stored data this version cannot read: here
		// districts recorded with a lookup source it does not know (written by a newer version, or by hand).
		jdbc.sql("""
				INSERT INTO representations (subscriber_id, senate_district, assembly_district, source, confidence,
				                             fingerprint, looked_up_at, attempts)
				VALUES (:id, '44', '109', 'retired-source', 'exact', 'f', :now, 1)""")
			.param("id", subscriberId(odd)).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();

		long blast = startBlast(slug, Map.of());
		JsonNode done = awaitState(blast, "SENT", Duration.ofSeconds(30));

		JsonNode record = record(blast, odd);
		assertThat(record.get("status").asString()).isEqualTo("SKIPPED");
		assertThat(record.get("reason").asString()).startsWith("the email could not be made for this recipient")
			.contains("retired-source");
		assertThat(record.get("attempts").asInt()).isZero();
		assertThat(done.get("counts").get("skipped").asLong()).isEqualTo(1);
		assertThat(done.get("counts").get("sent").asLong()).isEqualTo(3);
		assertThat(rcpts(odd)).isZero();
		others.forEach(other -> assertThat(copies(other, blast)).as(other).isEqualTo(1));
	}

	/**
	 * Moves the clock past a retry's delay. A millisecond past it: the databases keep microseconds and round, so the
	 * stored next attempt of a frozen clock's nanosecond instant can lie a fraction of a microsecond after it.
	 */
	private void retryIsDue(Duration delay) {
		clock.advance(delay.plusMillis(1));
	}

	private static Duration delay(JsonNode record) {
		return Duration.between(Instant.parse(record.get("updatedAt").asString()),
				Instant.parse(record.get("nextAttemptAt").asString()));
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
