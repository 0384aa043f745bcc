package org.callout.delivery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.BlastHandover;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: a blast's per-recipient records in keyset pages ({@code after} the last id seen, never an offset,
 * so a page is as fast at the millionth record as at the first and nothing shifts while the blast runs).
 */
@RestController
class DeliveriesController {

	private static final String PAGE = """
			SELECT id, subscriber_id, status, attempts, next_attempt_at, address, message_id, smtp_reply, reason, sent_at,
			       updated_at
			FROM deliveries
			WHERE blast_id = :blast AND id > :after AND (CAST(:status AS VARCHAR(10)) IS NULL OR status = :status)
			ORDER BY id LIMIT :limit""";

	private static final int MAX_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final BlastHandover handover;

	DeliveriesController(JdbcClient jdbc, BlastHandover handover) {
		this.jdbc = jdbc;
		this.handover = handover;
	}

	@GetMapping("/api/v1/blasts/{id}/deliveries")
	Map<String, Object> page(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (handover.plan(id).isEmpty()) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast", "There is no blast " + id + ".");
		}
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
		if (wanted != null && !List.of("PENDING", "DEFERRED", "SENT", "FAILED", "SKIPPED", "EXPIRED").contains(wanted)) {
			throw RequestRefusedException.invalidField("Unknown status", "status",
					"The statuses are PENDING, DEFERRED, SENT, FAILED, SKIPPED, EXPIRED.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw RequestRefusedException.invalidField("Bad limit", "limit", "limit is from 1 to " + MAX_LIMIT + ".");
		}
		if (after < 0) {
			throw RequestRefusedException.invalidField("Bad cursor", "after", "after is the last id of the page before, 0 or more.");
		}
		List<Map<String, Object>> items = jdbc.sql(PAGE).param("blast", id).param("after", after).param("status", wanted)
			.param("limit", limit)
			.query((rs, n) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("id", rs.getLong("id"));
				item.put("subscriberId", rs.getLong("subscriber_id"));
				item.put("status", rs.getString("status"));
				item.put("attempts", rs.getInt("attempts"));
				item.put("nextAttemptAt", instant(rs.getObject("next_attempt_at", java.time.OffsetDateTime.class)));
				item.put("address", rs.getString("address"));
				item.put("messageId", rs.getString("message_id"));
				item.put("smtpReply", rs.getString("smtp_reply"));
				item.put("reason", rs.getString("reason"));
				item.put("sentAt", instant(rs.getObject("sent_at", java.time.OffsetDateTime.class)));
				item.put("updatedAt", instant(rs.getObject("updated_at", java.time.OffsetDateTime.class)));
				return item;
			})
			.list();
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("blastId", id);
		page.put("items", items);
		page.put("next", items.size() == limit ? "/api/v1/blasts/" + id + "/deliveries?after=" + items.getLast().get("id")
				+ "&limit=" + limit + (wanted == null ? "" : "&status=" + wanted) : null);
		return page;
	}

	private static java.time.Instant instant(java.time.OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
