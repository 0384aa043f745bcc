package org.callout.legislators.internal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.legislators.Legislators;
import org.callout.legislators.internal.AuditedLegislatorImports;
import org.callout.legislators.internal.DirectorySearch;
import org.callout.legislators.internal.ImportRefusedException;
import org.callout.legislators.internal.ImportReport;
import org.callout.platform.PageForms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The legislator directory in the console, and its import: a dry run shows what would be added, changed and
 * retired, then the same source is applied. The import and its audit entries are the API's (a dry run is one too).
 */
@Controller
@org.callout.platform.ConsolePage
class LegislatorPages {

	private static final List<String> FORMATS = List.of("yaml", "csv");

	private static final List<String> MODES = List.of("partial", "full");

	private final Legislators legislators;

	private final AuditedLegislatorImports imports;

	LegislatorPages(Legislators legislators, AuditedLegislatorImports imports) {
		this.legislators = legislators;
		this.imports = imports;
	}

	@GetMapping("/console/legislators")
	String directory(@RequestParam(defaultValue = "") String chamber, @RequestParam(defaultValue = "") String district,
			@RequestParam(defaultValue = "") String q, Model model) {
		DirectorySearch search = DirectorySearch.of(chamber, district, q);
		Map<String, String> errors = new LinkedHashMap<>();
		search.problems().forEach(field -> errors.put(field, "console.legislators.error." + field));
		model.addAttribute("chamber", chamber);
		model.addAttribute("district", district);
		model.addAttribute("q", q);
		model.addAttribute("errors", errors);
		model.addAttribute("people", errors.isEmpty() ? legislators.search(search.chamber(), search.district(), search.text(), true)
				: List.of());
		return "console/legislators/index";
	}

	@GetMapping("/console/legislators/import")
	String importForm(Model model) {
		return form(model, "", "yaml", "partial", Map.of(), null, null);
	}

	@PostMapping("/console/legislators/import")
	String dryRun(HttpServletRequest request, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "") String format, @RequestParam(defaultValue = "") String mode, Model model) {
		return run(request, source, format, mode, true, model);
	}

	@PostMapping("/console/legislators/import/apply")
	String apply(HttpServletRequest request, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "") String format, @RequestParam(defaultValue = "") String mode, Model model) {
		return run(request, source, format, mode, false, model);
	}

	private String run(HttpServletRequest request, String source, String format, String mode, boolean dryRun, Model model) {
		if (PageForms.csrfRejected(request)) {
			return form(model, source, format, mode, Map.of(), "console.note.stale", null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (source.isBlank()) {
			errors.put("source", "console.legislators.import.error.source");
		}
		if (!FORMATS.contains(format)) {
			errors.put("format", "console.legislators.import.error.format");
		}
		if (!MODES.contains(mode)) {
			errors.put("mode", "console.legislators.import.error.mode");
		}
		if (!errors.isEmpty()) {
			return form(model, source, format, mode, errors, null, null);
		}
		ImportReport report;
		try {
			report = imports.run(source, format, mode, dryRun);
		}
		catch (ImportRefusedException refused) {
			return form(model, source, format, mode, Map.of("source", "console.legislators.import.error.refused"), null,
					refused.getMessage());
		}
		model.addAttribute("report", report);
		return form(model, source, format, mode, Map.of(), null, null);
	}

	private static String form(Model model, String source, String format, String mode, Map<String, String> errors, String note,
			String detail) {
		model.addAttribute("source", source);
		model.addAttribute("format", format);
		model.addAttribute("mode", mode);
		model.addAttribute("formats", FORMATS);
		model.addAttribute("modes", MODES);
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		model.addAttribute("detail", detail);
		return "console/legislators/import";
	}

}
