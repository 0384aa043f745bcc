package org.callout.legislators.internal;

import java.util.List;
import java.util.Locale;

import org.callout.legislators.Chamber;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: the legislator directory and its imports. */
@RestController
class LegislatorsController {

	private final Legislators legislators;

	private final LegislatorImports imports;

	private final AuditLog audit;

	LegislatorsController(Legislators legislators, LegislatorImports imports, AuditLog audit) {
		this.audit = audit;
		this.legislators = legislators;
		this.imports = imports;
	}

	@GetMapping("/api/v1/legislators")
	List<Legislator> search(@RequestParam(required = false) String chamber, @RequestParam(required = false) String district,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "true") boolean current) {
		Chamber house = null;
		if (chamber != null && !chamber.isBlank()) {
			house = Chamber.parse(chamber).orElseThrow(() -> RequestRefusedException.invalidField("Invalid search", "chamber",
					"Give upper (Senate) or lower (Assembly)."));
		}
		String seat = null;
		if (district != null && !district.isBlank()) {
			seat = RecordChecks.district(house == null ? Chamber.LOWER : house, district)
				.orElseThrow(() -> RequestRefusedException.invalidField("Invalid search", "district",
						"Give a district number: 1 to 63 for the Senate, 1 to 150 for the Assembly."));
		}
		String text = q == null || q.isBlank() ? null : q.strip();
		if (text != null && text.length() > 100) {
			throw RequestRefusedException.invalidField("Invalid search", "q", "Search with at most 100 characters.");
		}
		return legislators.search(house, seat, text, current);
	}

	@GetMapping("/api/v1/legislators/{id}")
	Legislator byId(@PathVariable long id) {
		return legislators.byId(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such legislator",
				"No legislator has the id " + id + "."));
	}

	/** A source URL's query string may carry a key: the audit log keeps the rest. */
	static String withoutQuery(String source) {
		String stripped = source.strip();
		int query = stripped.indexOf('?');
		return query < 0 ? stripped : stripped.substring(0, query) + "?…";
	}

	record ImportRequest(String source, String format, String mode, Boolean dryRun) {
	}

	/** Reads the source whole before writing anything: a refused file or a failed download leaves the directory as it was. */
	@PostMapping("/api/v1/legislators/imports")
	ImportReport importPeople(@RequestBody(required = false) ImportRequest request) {
		if (request == null || request.source() == null || request.source().isBlank()) {
			throw RequestRefusedException.invalidField("Invalid import", "source", "Give the path or https URL to import.");
		}
		String format = request.format() == null ? "" : request.format().strip().toLowerCase(Locale.ROOT);
		if (!format.equals("csv") && !format.equals("yaml")) {
			throw RequestRefusedException.invalidField("Invalid import", "format", "Give csv or yaml.");
		}
		String mode = request.mode() == null ? "partial" : request.mode().strip().toLowerCase(Locale.ROOT);
		if (!mode.equals("full") && !mode.equals("partial")) {
			throw RequestRefusedException.invalidField("Invalid import", "mode",
					"Give full (people missing from the source are marked not current) or partial (nobody is).");
		}
		try {
			ImportReport report = imports.run(request.source(), format,
					LegislatorImporter.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), Boolean.TRUE.equals(request.dryRun()));
			// After the import commits (its own transaction, after the download): a refused import leaves no entry.
			audit.record("legislators.import", "legislators", java.util.Map.of("source", withoutQuery(request.source()),
					"mode", mode, "dryRun", report.dryRun(), "added", report.added(), "changed", report.changed(),
					"retired", report.retired(), "errors", report.errors().size()));
			return report;
		}
		catch (ImportRefusedException refused) {
			throw RequestRefusedException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", refused.getMessage());
		}
	}

}
