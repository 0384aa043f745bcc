package org.callout.subscribers.internal.export;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.RequestRefusedException;

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

	private final SubscriberExports exports;

	private final ExportProgress progress;

	ExportController(SubscriberExports exports, ExportProgress progress) {
		this.exports = exports;
		this.progress = progress;
	}

	record ProgressView(String id, String status, long total, long written, int percent, Instant startedAt, Instant finishedAt) {

		static ProgressView of(ExportProgress.Export e) {
			long written = e.written.get();
			int percent = e.total == 0 ? 100 : (int) Math.min(100, written * 100 / e.total);
			return new ProgressView(e.id, e.status.name(), e.total, written, percent, e.startedAt, e.finishedAt);
		}

	}

	/** The export, followed at {@code /api/v1/subscribers/exports/{id}} by the id in its headers. */
	@GetMapping("/api/v1/subscribers/export")
	void export(@RequestParam(required = false) String list, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		exports.stream(list, status, response);
	}

	@GetMapping("/api/v1/subscribers/exports/{id}")
	ProgressView progress(@PathVariable String id) {
		return progress.find(id).map(ProgressView::of)
			.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such export",
					"No export with this id ran on this instance in the last hour."));
	}

}
