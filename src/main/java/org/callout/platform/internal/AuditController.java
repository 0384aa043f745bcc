package org.callout.platform.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.callout.platform.CsvCells;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: the audit log, newest first. Pages are keyset by id: {@code after=<id>} answers the entries after
 * that one in this order (older ones), so a page never shifts while new entries arrive. The export streams every
 * matching entry as CSV, a keyset page at a time.
 */
@RestController
class AuditController {

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private static final int EXPORT_PAGE = 1000;

	private static final String[] HEADER = { "id", "occurred_at", "actor", "channel", "client_ip", "action", "target",
			"outcome", "before", "after", "detail" };

	private final AuditStore store;

	AuditController(AuditStore store) {
		this.store = store;
	}

	record Page(List<AuditEntry> entries, Long next) {
	}

	@GetMapping("/api/v1/audit")
	Page find(@RequestParam Map<String, String> query) {
		int limit = limit(query.get("limit"));
		List<AuditEntry> entries = store.find(filter(query), limit);
		Long next = entries.size() == limit ? entries.getLast().id() : null;
		return new Page(entries, next);
	}

	@GetMapping("/api/v1/audit/export")
	void export(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
		export(store, filter(query), response);
	}

	/** The CSV of every entry the filter matches; the console's export link answers the same. */
	static void export(AuditStore store, AuditStore.Filter filter, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"callout-audit.csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			// Keyset pages, so neither the database driver (PostgreSQL's reads a whole result by default) nor this
			// answer ever holds more than a page, however long the log.
			AuditStore.Filter page = filter;
			List<AuditEntry> entries;
			do {
				entries = store.find(page, EXPORT_PAGE);
				for (AuditEntry entry : entries) {
					csv.printRecord(entry.id(), entry.occurredAt(), cell(entry.actor()), cell(entry.channel()),
							cell(entry.clientIp()), cell(entry.action()), cell(entry.target()), cell(entry.outcome()),
							cell(entry.before()), cell(entry.after()), cell(entry.detail()));
				}
				if (!entries.isEmpty()) {
					page = new AuditStore.Filter(filter.actor(), filter.action(), filter.from(), filter.to(), entries.getLast().id());
				}
			}
			while (entries.size() == EXPORT_PAGE);
		}
	}

	private static String cell(String value) {
		return CsvCells.text(value);
	}

	static AuditStore.Filter filter(Map<String, String> query) {
		Long after = null;
		if (present(query.get("after"))) {
			try {
				after = Long.parseLong(query.get("after").strip());
			}
			catch (NumberFormatException ex) {
				throw RequestRefusedException.invalidField("Invalid query", "after", "Give the id of the last entry seen.");
			}
		}
		return new AuditStore.Filter(text(query.get("actor")), text(query.get("action")), instant("from", query.get("from"), false),
				instant("to", query.get("to"), true), after);
	}

	private static int limit(String raw) {
		if (!present(raw)) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(raw.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below, like an out-of-range number.
		}
		throw RequestRefusedException.invalidField("Invalid query", "limit", "Give a limit from 1 to " + MAX_LIMIT + ".");
	}

	/** An instant (2026-12-01T18:00:00Z) or a date (UTC midnight; as {@code to}, the end of that day). */
	private static Instant instant(String field, String raw, boolean endOfDay) {
		if (!present(raw)) {
			return null;
		}
		String value = raw.strip();
		try {
			return value.length() == 10 ? LocalDate.parse(value).plusDays(endOfDay ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw RequestRefusedException.invalidField("Invalid query", field,
					"Give a date (2026-12-01) or an instant in UTC (2026-12-01T18:00:00Z).");
		}
	}

	private static String text(String raw) {
		return present(raw) ? raw.strip() : null;
	}

	private static boolean present(String raw) {
		return raw != null && !raw.isBlank();
	}

}
