package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.callout.platform.AddressHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A blast of a few thousand to GreenMail on loopback, on the database each subclass names. The audience is
 * written set-wise in SQL (an API signup per person would take minutes), with the districts of two supporters made
 * through the API copied to most of them, so that each message can be checked against that person's own
 * legislators.
 */
abstract class BlastAtScaleTests extends DeliveryFlowSupport {

	private static final int MEMBERS = 3000;

	// Of each kind that must get nothing: unconfirmed, unsubscribed, suppressed.
	private static final int LEFT_OUT = 40;

	@Autowired
	AddressHasher hasher;

	@Autowired
	JdbcTemplate batch;

	// This test's people, by LIKE pattern, until they leave the list after it.
	private String written;

	/**
	 * Later tests sharing this context (and its supporters list) would otherwise blast these thousands too: they
	 * leave the list, set-wise, as they came.
	 */
	@AfterEach
	void leaveTheList() {
		if (written != null) {
			jdbc.sql("UPDATE memberships SET status = 'UNSUBSCRIBED' WHERE subscriber_id IN "
					+ "(SELECT id FROM subscribers WHERE email_key LIKE :like)").param("like", written).update();
		}
	}

	/** The people written for one test: "scale-<run>-<kind>-<place>-<language>-<n>@example.org". */
	private record Population(String run, long listId) {

		String address(String kind, String place, String language, int n) {
			return "scale-" + run + "-" + kind + "-" + place + "-" + language + "-" + n + "@example.org";
		}

		String like(String kind, String place) {
			return "scale-" + run + "-" + kind + "-" + (place == null ? "" : place + "-") + "%";
		}

	}

	@Test
	void aBlastOfThreeThousandReachesEveryConfirmedMemberOnceNamingTheirOwnLegislatorsAndNobodyElse() throws Exception {
		long bill = trackBill("S5301", "A5301", List.of(), List.of(), "IN_SENATE_COMM", null);
		long albany = supporter(unique("albany"), "Ana", "12207", "en");
		long manhattan = supporter(unique("manhattan"), "Beatriz", "10022", "es");
		Population people = new Population(UUID.randomUUID().toString().substring(0, 8),
				new AudienceSql(jdbc, batch, hasher, clock.instant()).listId("supporters"));

		// Members: half at the Albany supporter's districts, half at the Manhattan one's, every tenth with none
		// known; the languages alternate in pairs, so each place has both.
		List<String> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			String place = i % 10 == 9 ? "nowhere" : i % 2 == 0 ? "albany" : "manhattan";
			members.add(people.address("member", place, (i / 2) % 2 == 0 ? "en" : "es", i));
		}
		List<String> leftOut = new ArrayList<>();
		for (String kind : List.of("pending", "left", "suppressed")) {
			for (int i = 0; i < LEFT_OUT; i++) {
				leftOut.add(people.address(kind, "albany", i % 2 == 0 ? "en" : "es", i));
			}
		}
		writeAudience(people, members, leftOut, albany, manhattan);

		long before = System.nanoTime();
		long blast = startBlast(bill, Map.of());
		JsonNode sent = awaitState(blast, "SENT", Duration.ofSeconds(180));
		double wallSeconds = (System.nanoTime() - before) / 1e9;

		// Every message of this blast, grouped by recipient, in one pass (thousands of them).
		Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
		List<Instant> receivedAt = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			String[] feedback = message.getHeader("Feedback-ID");
			if (feedback == null || !feedback[0].startsWith("blast-" + blast + ":")) {
				continue;
			}
			assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
			String to = ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
				.toLowerCase(java.util.Locale.ROOT);
			byRecipient.computeIfAbsent(to, key -> new ArrayList<>()).add(message);
			receivedAt.add(message.getReceivedDate().toInstant());
		}
		for (String member : members) {
			assertThat(byRecipient.get(member)).as("messages to %s", member).hasSize(1);
		}
		assertThat(leftOut).allSatisfy(address -> assertThat(byRecipient).as("messages to %s", address).doesNotContainKey(address));
		assertThat(byRecipient.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));

		// Each sample names that person's own legislators, in their language (the greeting says which; a call's
		// subject too); those whose districts are unknown get no legislator's name.
		List<String> albanyNames = List.of("Fahy", "Romero");
		List<String> manhattanNames = List.of("Krueger", "Bores");
		List<String> everyone = List.of("Fahy", "Romero", "Krueger", "Bores");
		assertNames(byRecipient.get(members.get(0)), "en", albanyNames, manhattanNames);
		assertNames(byRecipient.get(members.get(2)), "es", albanyNames, manhattanNames);
		assertNames(byRecipient.get(members.get(1)), "en", manhattanNames, albanyNames);
		assertNames(byRecipient.get(members.get(3)), "es", manhattanNames, albanyNames);
		assertNames(byRecipient.get(members.get(MEMBERS - 4)), "en", albanyNames, manhattanNames);
		assertNames(byRecipient.get(members.get(MEMBERS - 3)), "en", manhattanNames, albanyNames);
		assertNames(byRecipient.get(members.get(9)), "en", List.of(), everyone);
		assertNames(byRecipient.get(members.get(MEMBERS - 1)), "es", List.of(), everyone);

		// The records: one per message, all SENT, and the blast's counts say the same.
		List<JsonNode> records = deliveries(blast, null);
		JsonNode counts = sent.get("counts");
		assertThat(records).hasSize(byRecipient.size());
		assertThat(counts.get("total").asLong()).isEqualTo(records.size());
		assertThat(counts.get("sent").asLong()).isEqualTo(records.size());
		assertThat(counts.get("pending").asLong()).isZero();
		assertThat(counts.get("skipped").asLong()).isZero();
		assertThat(counts.get("failed").asLong()).isZero();
		assertThat(records).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("SENT"));
		assertThat(records).extracting(r -> r.get("address").asString().toLowerCase(java.util.Locale.ROOT))
			.containsExactlyInAnyOrderElementsOf(byRecipient.keySet());

		// Keyset pages walk every record exactly once, in id order, whatever the page size.
		assertWalksEachOnce(records, records.size());
		assertWalksEachOnce(deliveriesIn(blast, 1000, "SENT"), records.size());

		receivedAt.sort(null);
		double sendSeconds = Duration.between(receivedAt.getFirst(), receivedAt.getLast()).toNanos() / 1e9;
		System.out.printf("%s: %d messages; SMTP server received them over %.2f s = %.0f messages/s; submit to SENT "
				+ "%.2f s = %.0f messages/s; snapshot step %d ms%n", getClass().getSimpleName(), receivedAt.size(),
				sendSeconds, (receivedAt.size() - 1) / sendSeconds, wallSeconds, receivedAt.size() / wallSeconds,
				snapshotStepMillis(blast));
	}

	/** The audience, set-wise (see {@link AudienceSql}), with the API supporters' districts copied. */
	private void writeAudience(Population people, List<String> members, List<String> leftOut, long albany, long manhattan) {
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		written = "scale-" + people.run() + "-%";
		audience.subscribers(concat(members, leftOut).stream()
			.map(address -> new AudienceSql.Person(address, address.contains("-es-") ? "es" : "en",
					address.contains("-albany-") ? "12207" : address.contains("-manhattan-") ? "10022" : null))
			.toList());
		assertThat(audience.memberships(people.like("member", null), people.listId(), "CONFIRMED")).isEqualTo(MEMBERS);
		assertThat(audience.memberships(people.like("pending", null), people.listId(), "UNCONFIRMED")).isEqualTo(LEFT_OUT);
		assertThat(audience.memberships(people.like("left", null), people.listId(), "UNSUBSCRIBED")).isEqualTo(LEFT_OUT);
		assertThat(audience.memberships(people.like("suppressed", null), people.listId(), "CONFIRMED")).isEqualTo(LEFT_OUT);
		assertThat(audience.suppress(people.like("suppressed", null))).isEqualTo(LEFT_OUT);
		int copied = 0;
		for (String kind : List.of("member", "pending", "left", "suppressed")) {
			copied += audience.copyDistricts(albany, people.like(kind, "albany"));
			copied += audience.copyDistricts(manhattan, people.like(kind, "manhattan"));
		}
		assertThat(copied).isEqualTo(MEMBERS - MEMBERS / 10 + 3 * LEFT_OUT);
		assertThat(count("SELECT COUNT(*) FROM representations WHERE subscriber_id IN (" + albany + ", " + manhattan
				+ ") AND confidence = 'exact'")).as("the copied districts are exact").isEqualTo(2);
	}

	private static void assertNames(List<MimeMessage> messages, String language, List<String> named, List<String> notNamed)
			throws Exception {
		assertThat(messages).hasSize(1);
		MimeMessage message = messages.getFirst();
		String text = plainText(message);
		assertThat(text).contains(language.equals("es") ? "Estimado/a Ana" : "Dear Ana");
		if (!named.isEmpty()) {
			assertThat(message.getSubject()).contains(language.equals("es") ? "Su llamada cuenta hoy" : "Your call matters today");
			assertThat(text).contains(named);
		}
		for (String other : notNamed) {
			assertThat(text).doesNotContain(other);
		}
	}

	/** Keyset pages of {@code limit} records, following each page's next link to the end. */
	private List<JsonNode> deliveriesIn(long blast, int limit, String status) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = "/api/v1/blasts/" + blast + "/deliveries?limit=" + limit + "&status=" + status;
		while (next != null) {
			JsonNode page = json.readTree(admin(next).body());
			assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
			page.get("items").forEach(all::add);
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		return all;
	}

	private static void assertWalksEachOnce(List<JsonNode> walked, int total) {
		List<Long> ids = walked.stream().map(r -> r.get("id").asLong()).toList();
		assertThat(ids).hasSize(total).doesNotHaveDuplicates().isSorted();
		Set<Long> distinct = new HashSet<>(ids);
		assertThat(distinct).hasSize(total);
	}

	/** How long the blast's snapshot step took, from Spring Batch's own records. */
	private long snapshotStepMillis(long blast) {
		return jdbc.sql("""
				SELECT se.start_time, se.end_time FROM batch_step_execution se
				JOIN batch_job_execution_params p ON p.job_execution_id = se.job_execution_id
				WHERE se.step_name = 'snapshot' AND p.parameter_name = 'blastId' AND p.parameter_value = :blast
				ORDER BY se.step_execution_id""")
			.param("blast", String.valueOf(blast))
			.query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis())
			.list()
			.getFirst();
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
