package org.callout.subscribers.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: subscribers as a CSV download, streamed, and how far a running export has got. The download is
 * written on the request's own (virtual) thread, so no async timeout cuts a large one short.
 */
@RestController
class ExportController {

	private static final Logger log = LoggerFactory.getLogger(ExportController.class);

	private final SubscriberExporter exporter;

	private final ExportProgress progress;

	private final SubscriberLists lists;

	private final Clock clock;

	private final AuditLog audit;

	ExportController(SubscriberExporter exporter, ExportProgress progress, SubscriberLists lists, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.exporter = exporter;
		this.progress = progress;
		this.lists = lists;
		this.clock = clock;
	}

	record ProgressView(String id, String status, long total, long written, int percent, Instant startedAt, Instant finishedAt) {

		static ProgressView of(ExportProgress.Export e) {
			long written = e.written.get();
			int percent = e.total == 0 ? 100 : (int) Math.min(100, written * 100 / e.total);
			return new ProgressView(e.id, e.status.name(), e.total, written, percent, e.startedAt, e.finishedAt);
		}

	}

	/**
	 * The export, with its id and row count in headers before the first byte, so a client can follow it at
	 * {@code /api/v1/subscribers/exports/{id}}. A failure after the headers can only cut the file short; the
	 * progress then says FAILED, and the log says why.
	 */
	@GetMapping("/api/v1/subscribers/export")
	void export(@RequestParam(required = false) String list, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		ExportFilter filter = filter(list, status);
		ExportProgress.Export export = progress.start(exporter.count(filter));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"callout-subscribers-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv\"");
		// Personal data: no cache along the way may keep a copy.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Callout-Export-Id", export.id);
		response.setHeader("Callout-Export-Rows", Long.toString(export.total));
		log.info("Subscriber export {} started: {} rows", export.id, export.total);
		// Copying the supporter file out is recorded like a change: who, when, which part, how many.
		audit.record("subscribers.export", "export:" + export.id, java.util.Map.of("list", list == null ? "" : list, "status",
				status == null ? "" : status, "rows", export.total));
		try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
			exporter.write(filter, out, export);
			progress.finish(export, ExportProgress.Status.DONE);
			log.info("Subscriber export {} done: {} rows", export.id, export.written.get());
		}
		catch (IOException | RuntimeException ex) {
			progress.finish(export, ExportProgress.Status.FAILED);
			log.warn("Subscriber export {} failed after {} of {} rows: {}", export.id, export.written.get(), export.total, ex.toString());
			throw ex;
		}
	}

	@GetMapping("/api/v1/subscribers/exports/{id}")
	ProgressView progress(@PathVariable String id) {
		return progress.find(id).map(ProgressView::of)
			.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such export",
					"No export with this id ran on this instance in the last hour."));
	}

	private ExportFilter filter(String slug, String status) {
		if (slug == null || slug.isBlank()) {
			if (status != null) {
				throw RequestRefusedException.invalidField("Invalid filter", "status", "A status filters one list's members: name the list too.");
			}
			return ExportFilter.EVERYONE;
		}
		SubscriberList found = lists.bySlug(slug).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND,
				"No such list", "There is no list with this slug."));
		return new ExportFilter(found.id(), status == null ? null : status(status));
	}

	private static String status(String raw) {
		String name = raw.strip().toUpperCase(Locale.ROOT);
		if (Arrays.stream(MembershipStatus.values()).noneMatch(s -> s.name().equals(name))) {
			throw RequestRefusedException.invalidField("Invalid filter", "status",
					"The status is one of " + Arrays.toString(MembershipStatus.values()) + ".");
		}
		return name;
	}

}
