package org.callout.subscribers.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.stereotype.Service;

/**
 * The subscribers CSV download, for the API and the console alike: the same file, the same headers, the same audit
 * entry. The filter is checked before the first byte, so a refused filter can still be answered as the caller likes.
 */
@Service
public class SubscriberExports {

	private static final Logger log = LoggerFactory.getLogger(SubscriberExports.class);

	private final SubscriberExporter exporter;

	private final ExportProgress progress;

	private final SubscriberLists lists;

	private final Clock clock;

	private final AuditLog audit;

	SubscriberExports(SubscriberExporter exporter, ExportProgress progress, SubscriberLists lists, Clock clock, AuditLog audit) {
		this.exporter = exporter;
		this.progress = progress;
		this.lists = lists;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Streams the export, with its id and row count in headers before the first byte. A failure after the headers can
	 * only cut the file short; the progress then says FAILED, and the log says why.
	 *
	 * @param list a list's slug, or null for every subscriber
	 * @param status a membership status of that list, or null for any
	 * @throws RequestRefusedException naming {@code status} or an unknown list, before anything is written
	 */
	public void stream(String list, String status, HttpServletResponse response) throws IOException {
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
		audit.record("subscribers.export", "export:" + export.id, Map.of("list", list == null ? "" : list, "status",
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
