package org.callout.subscribers.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.SubscribersProperties;
import org.callout.subscribers.internal.imports.AuditedImports;
import org.callout.subscribers.internal.imports.ImportResult;
import org.callout.subscribers.internal.imports.ImportStatus;
import org.callout.subscribers.internal.imports.SupporterImporter;
import org.callout.subscribers.internal.imports.UpdateMode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Importing supporters from a CSV in the console: upload, a dry run's preview row by row, "Import these rows" (the
 * same file, kept from the dry run), then the import's progress row. The importer and its audit entry are the API's.
 */
@Controller
@org.callout.platform.ConsolePage
class ImportPages {

	/** Rows a preview shows; the counts cover the whole file. */
	static final int PREVIEW_ROWS = 100;

	private final AuditedImports imports;

	private final SupporterImporter importer;

	private final SubscriberLists lists;

	private final SubscribersProperties properties;

	ImportPages(AuditedImports imports, SupporterImporter importer, SubscriberLists lists, SubscribersProperties properties) {
		this.imports = imports;
		this.importer = importer;
		this.lists = lists;
		this.properties = properties;
	}

	@GetMapping("/console/subscribers/import")
	String form(Model model) {
		return form(model, properties.defaultList().slug(), "none", Map.of(), null, null);
	}

	/** The dry run. A stale form (forwarded back here by the CSRF check) only shows the form again. */
	@PostMapping("/console/subscribers/import")
	String dryRun(HttpServletRequest request, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String list, @RequestParam(defaultValue = "none") String update, Model model)
			throws IOException {
		if (PageForms.csrfRejected(request)) {
			return form(model, list, update, Map.of(), "console.note.stale", null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<SubscriberList> target = lists.bySlug(list.strip());
		Optional<UpdateMode> mode = UpdateMode.parse(update);
		if (target.isEmpty()) {
			errors.put("list", "console.import.error.list");
		}
		if (mode.isEmpty()) {
			errors.put("update", "console.import.error.update");
		}
		long limit = properties.imports().maxFileSize().toBytes();
		if (file == null || file.isEmpty()) {
			errors.put("file", "console.import.error.file");
		}
		else if (file.getSize() > limit) {
			errors.put("file", "console.import.error.tooLarge");
		}
		if (!errors.isEmpty()) {
			return form(model, list, update, errors, null, null);
		}
		HttpSession session = request.getSession();
		StagedImport staged = StagedImport.stage(session, file.getInputStream(), file.getOriginalFilename());
		ImportResult result;
		try (InputStream body = staged.open()) {
			result = imports.run(body, new SupporterImporter.Options(true, mode.get(), target.get(), true));
		}
		catch (RequestRefusedException refused) {
			StagedImport.discard(session);
			return form(model, list, update, Map.of("file", fileProblem(refused)), null, refused.problem().getDetail());
		}
		model.addAttribute("result", result);
		model.addAttribute("shown", result.rows().subList(0, Math.min(PREVIEW_ROWS, result.rows().size())));
		return preview(model, staged, target.get(), mode.get(), null);
	}

	@PostMapping("/console/subscribers/import/run")
	String run(HttpServletRequest request, @RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String list, @RequestParam(defaultValue = "none") String update, Model model)
			throws IOException {
		HttpSession session = request.getSession();
		StagedImport staged = StagedImport.find(session, token);
		Optional<SubscriberList> target = lists.bySlug(list.strip());
		Optional<UpdateMode> mode = UpdateMode.parse(update);
		if (staged == null || target.isEmpty() || mode.isEmpty()) {
			return form(model, list, update, Map.of("file", "console.import.error.gone"), null, null);
		}
		if (PageForms.csrfRejected(request)) {
			return preview(model, staged, target.get(), mode.get(), "console.note.stale");
		}
		ImportResult result;
		try (InputStream body = staged.open()) {
			result = imports.run(body, new SupporterImporter.Options(false, mode.get(), target.get(), false));
		}
		catch (RequestRefusedException refused) {
			StagedImport.discard(session);
			return form(model, list, update, Map.of("file", fileProblem(refused)), null, refused.problem().getDetail());
		}
		StagedImport.discard(session);
		return "redirect:/console/subscribers/import/" + result.importRun().id();
	}

	@GetMapping("/console/subscribers/import/{id:\\d+}")
	String progress(@PathVariable long id, Model model) {
		ImportStatus status = importer.status(id);
		if (status == null || status.dryRun()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("run", status);
		return "console/import/progress";
	}

	/** The importer's refusal of a whole file, by its title, as a message key; its detail (line, byte) is shown with it. */
	private static String fileProblem(RequestRefusedException refused) {
		String title = refused.problem().getTitle() == null ? "" : refused.problem().getTitle();
		return switch (title) {
			case "Empty file" -> "console.import.error.empty";
			case "No email column" -> "console.import.error.noEmail";
			case "No rows" -> "console.import.error.noRows";
			case "Not UTF-8" -> "console.import.error.notUtf8";
			case "Not CSV" -> "console.import.error.notCsv";
			case "File too large" -> "console.import.error.tooLarge";
			default -> "console.import.error.refused";
		};
	}

	private String form(Model model, String list, String update, Map<String, String> errors, String note, String detail) {
		model.addAttribute("lists", lists.all());
		model.addAttribute("list", list);
		model.addAttribute("update", update);
		model.addAttribute("modes", List.of("none", "fill-blanks", "overwrite"));
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		model.addAttribute("detail", detail);
		model.addAttribute("limitMegabytes", properties.imports().maxFileSize().toMegabytes());
		return "console/import/form";
	}

	private static String preview(Model model, StagedImport staged, SubscriberList list, UpdateMode mode, String note) {
		model.addAttribute("token", staged.token);
		model.addAttribute("filename", staged.filename);
		model.addAttribute("list", list);
		model.addAttribute("update", mode.wire());
		model.addAttribute("note", note);
		model.addAttribute("previewRows", PREVIEW_ROWS);
		return "console/import/preview";
	}

}
