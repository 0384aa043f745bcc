package org.callout.legislators.internal;

import java.util.List;
import java.util.Locale;

import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
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

	private final AuditedLegislatorImports imports;

	LegislatorsController(Legislators legislators, AuditedLegislatorImports imports) {
		this.legislators = legislators;
		this.imports = imports;
	}

	@GetMapping("/api/v1/legislators")
	List<Legislator> search(@RequestParam(required = false) String chamber, @RequestParam(required = false) String district,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "true") boolean current) {
		DirectorySearch search = DirectorySearch.of(chamber, district, q);
		if (search.problems().contains("chamber")) {
			throw RequestRefusedException.invalidField("Invalid search", "chamber", "Give upper (Senate) or lower (Assembly).");
		}
		if (search.problems().contains("district")) {
			throw RequestRefusedException.invalidField("Invalid search", "district",
					"Give a district number: 1 to 63 for the Senate, 1 to 150 for the Assembly.");
		}
		if (search.problems().contains("q")) {
			throw RequestRefusedException.invalidField("Invalid search", "q", "Search with at most 100 characters.");
		}
		return legislators.search(search.chamber(), search.district(), search.text(), current);
	}

	@GetMapping("/api/v1/legislators/{id}")
	Legislator byId(@PathVariable long id) {
		return legislators.byId(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such legislator",
				"No legislator has the id " + id + "."));
	}

	/** A source URL's query string may carry a key: the audit log keeps the rest. */
	static String withoutQuery(String source) {
		return AuditedLegislatorImports.withoutQuery(source);
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
			return imports.run(request.source(), format, mode, Boolean.TRUE.equals(request.dryRun()));
		}
		catch (ImportRefusedException refused) {
			throw RequestRefusedException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", refused.getMessage());
		}
	}

}
