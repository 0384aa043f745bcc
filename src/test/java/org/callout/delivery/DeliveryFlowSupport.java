package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.campaigns.CampaignFlowSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

/**
 * A running Callout whose engine polls often, with helpers to make, start and watch a blast through the organizer
 * API. Messages go to the GreenMail server on loopback.
 */
@TestPropertySource(properties = { "callout.campaigns.scheduler-interval=300ms", "callout.delivery.poll-interval=200ms",
		"callout.delivery.first-retry=1s", "callout.delivery.longest-retry=2s", "callout.delivery.chunk-size=20",
		"callout.delivery.progress-log-interval=1s" })
public abstract class DeliveryFlowSupport extends CampaignFlowSupport {

	/** A blast to the supporters list about the bill, sent at once (no quiet hours), as a hand-made blast. */
	protected long startBlast(Long bill, Map<String, Object> extra) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lists", List.of("supporters"));
		if (bill != null) {
			body.put("billId", bill);
		}
		body.put("quietHours", false);
		body.putAll(extra);
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		HttpResponse<String> submitted = adminSend("POST", "/api/v1/blasts/" + id + "/submit", null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return id;
	}

	protected JsonNode blast(long id) throws Exception {
		return json.readTree(admin("/api/v1/blasts/" + id).body());
	}

	protected JsonNode awaitState(long id, String state, Duration atMost) {
		Awaitility.await("blast " + id + " " + state).atMost(atMost).pollInterval(Duration.ofMillis(100))
			.until(() -> state.equals(blast(id).get("state").asString()));
		try {
			return blast(id);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every delivery record of the blast, page by page. */
	protected List<JsonNode> deliveries(long id, String status) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = "/api/v1/blasts/" + id + "/deliveries?limit=100" + (status == null ? "" : "&status=" + status);
		while (next != null) {
			HttpResponse<String> page = admin(next);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			JsonNode body = json.readTree(page.body());
			body.get("items").forEach(all::add);
			next = body.get("next").isNull() ? null : body.get("next").asString();
		}
		return all;
	}

	/** The text/plain part of a multipart/alternative email. */
	protected static String plainText(MimeMessage message) throws Exception {
		jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).isMimeType("text/plain")) {
				return (String) parts.getBodyPart(i).getContent();
			}
		}
		throw new AssertionError("No text/plain part");
	}

	/** The blast's messages to this address (its Feedback-ID names the blast). */
	protected List<MimeMessage> blastEmailsTo(String address, long blastId) {
		return emailsTo(address).stream().filter(message -> {
			try {
				String[] feedback = message.getHeader("Feedback-ID");
				return feedback != null && feedback[0].startsWith("blast-" + blastId + ":");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
