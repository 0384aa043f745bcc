package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A blast from READY to SENT on the database each subclass names, to the GreenMail server on loopback. */
abstract class DeliveryFlowTests extends DeliveryFlowSupport {

	@Test
	void everyConfirmedMemberGetsExactlyOneEmailNamingTheirOwnLegislatorsAndNobodyElseGetsOne() throws Exception {
		long bill = trackBill("S5101", "A5101", List.of(), List.of(), "IN_SENATE_COMM", null);
		String albany = unique("albany");
		String manhattan = unique("manhattan");
		String unsubscribed = unique("left");
		String suppressed = unique("gone");
		String unconfirmed = unique("pending");
		supporter(albany, "Ana", "12207", "en");
		supporter(manhattan, "Beatriz", "10022", "es");
		long leaving = supporter(unsubscribed, "Carl", "12207", "en");
		supporter(suppressed, "Dora", "12207", "en");
		assertThat(signUp(unconfirmed, "en").statusCode()).isEqualTo(202);
		assertThat(postJson("/api/v1/subscribers/" + leaving + "/unsubscribe", "", Map.of("Authorization", "Bearer " + ADMIN))
			.statusCode()).isEqualTo(200);
		assertThat(adminSend("POST", "/api/v1/suppressions", "{\"email\":\"" + suppressed + "\"}").statusCode()).isEqualTo(201);

		long blast = startBlast(bill, Map.of());
		JsonNode sent = awaitState(blast, "SENT", Duration.ofSeconds(60));

		JsonNode counts = sent.get("counts");
		assertThat(counts.get("sent").asLong()).isEqualTo(counts.get("total").asLong());
		assertThat(counts.get("pending").asLong()).isZero();
		assertThat(blastEmailsTo(albany, blast)).hasSize(1);
		assertThat(blastEmailsTo(manhattan, blast)).hasSize(1);
		assertThat(blastEmailsTo(unsubscribed, blast)).isEmpty();
		assertThat(blastEmailsTo(suppressed, blast)).isEmpty();
		assertThat(blastEmailsTo(unconfirmed, blast)).isEmpty();

		MimeMessage toAlbany = blastEmailsTo(albany, blast).getFirst();
		String text = plainText(toAlbany);
		assertThat(text).contains("Fahy").contains("Romero");
		assertThat(toAlbany.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(blastEmailsTo(manhattan, blast).getFirst().getSubject()).contains("Su llamada cuenta hoy");

		List<JsonNode> records = deliveries(blast, null);
		JsonNode albanyRecord = records.stream().filter(r -> albany.equals(r.get("address").asString())).findFirst().orElseThrow();
		assertThat(albanyRecord.get("status").asString()).isEqualTo("SENT");
		assertThat(albanyRecord.get("smtpReply").asString()).startsWith("250");
		assertThat(albanyRecord.get("messageId").asString()).isEqualTo(toAlbany.getMessageID());
		assertThat(records).extracting(r -> r.get("address").asString()).doesNotContain(unsubscribed, suppressed, unconfirmed);
	}

	/**
	 * The job's split starts the snapshot's slices and the sending at once, each creating its step execution. At Spring
	 * Batch's SERIALIZABLE, PostgreSQL cancelled one of the two creations as a serialization failure in two benchmark
	 * runs of four (the blast then sent by a second execution 10 s later); this test did not catch that here in the
	 * runs tried, so it holds the shape (one execution, every step completed), and the benchmark prints the wait.
	 */
	@Test
	void aBlastIsSentByOneExecutionWithItsSnapshotSlicesBesideItsSending() throws Exception {
		supporter(unique("one-run"), "Eve", "12207", "en");
		long blast = startBlast(null, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(60));
		List<String> executions = jdbc.sql("""
				SELECT e.status FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'blastId' AND p.parameter_value = :blast ORDER BY e.job_execution_id""")
			.param("blast", String.valueOf(blast)).query(String.class).list();
		assertThat(executions).containsExactly("COMPLETED");
		List<String> steps = jdbc.sql("""
				SELECT s.step_name FROM batch_step_execution s
				JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
				WHERE p.parameter_name = 'blastId' AND p.parameter_value = :blast AND s.status = 'COMPLETED'""")
			.param("blast", String.valueOf(blast)).query(String.class).list();
		assertThat(steps).contains("snapshot", "snapshot-slices", "send", "finish");
	}

	@Test
	void theEnginesCountersReachThePrometheusScrapeForTheOrganizerOnly() throws Exception {
		String reader = unique("metrics");
		supporter(reader, "Eve", "12207", "en");
		long blast = startBlast(null, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(60));

		var scrape = admin("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		java.util.regex.Matcher sent = java.util.regex.Pattern.compile("(?m)^callout_deliveries_total\\{[^}]*status=\"sent\"[^}]*\\} ([0-9.E]+)$")
			.matcher(scrape.body());
		assertThat(sent.find()).as(scrape.body()).isTrue();
		assertThat(Double.parseDouble(sent.group(1))).isGreaterThanOrEqualTo(1);
		assertThat(scrape.body()).contains("callout_deliveries_open");
		assertThat(get(base() + "/actuator/prometheus").statusCode()).isEqualTo(401);
	}

}
