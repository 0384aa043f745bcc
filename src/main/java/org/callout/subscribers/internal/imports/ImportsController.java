package org.callout.subscribers.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.SubscribersProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Organizer API for CSV imports. Synchronous: the POST answers when the import is done (100 000 rows take
 * seconds), while its progress row lets any other request watch it through the GET.
 */
@RestController
class ImportsController {

	private final SupporterImporter importer;

	private final AuditedImports imports;

	private final ImportConfirmations confirmations;

	private final SubscriberLists lists;

	private final SubscribersProperties properties;

	private final AuditLog audit;

	ImportsController(SupporterImporter importer, AuditedImports imports, ImportConfirmations confirmations,
			SubscriberLists lists, SubscribersProperties properties, AuditLog audit) {
		this.imports = imports;
		this.audit = audit;
		this.importer = importer;
		this.confirmations = confirmations;
		this.lists = lists;
		this.properties = properties;
	}

	/** A dry run answers 200; a real run 201 with the Location of its progress row. */
	@PostMapping("/api/v1/subscribers/imports")
	ResponseEntity<ImportResult> importFile(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String update, @RequestParam(required = false) String list,
			@RequestParam(required = false) String rows) throws IOException {
		UpdateMode mode = UpdateMode.parse(update).orElseThrow(() -> RequestRefusedException.invalidField("Invalid update mode",
				"update", "Use none (the default), fill-blanks or overwrite."));
		String slug = list == null || list.isBlank() ? properties.defaultList().slug() : list.strip();
		SubscriberList defaultList = lists.bySlug(slug)
			.orElseThrow(() -> RequestRefusedException.invalidField("Unknown list", "list", "No list has this slug."));
		boolean allRows = "all".equals(rows);
		long limit = properties.imports().maxFileSize().toBytes();
		try (InputStream body = new LimitedBody(body(request, limit), limit)) {
			ImportResult result = imports.run(body, new SupporterImporter.Options(dryRun, mode, defaultList, allRows));
			return dryRun ? ResponseEntity.ok(result)
					: ResponseEntity.created(URI.create("/api/v1/subscribers/imports/" + result.importRun().id())).body(result);
		}
	}

	@GetMapping("/api/v1/subscribers/imports/{id}")
	ImportStatus status(@PathVariable long id) {
		ImportStatus status = importer.status(id);
		if (status == null) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such import", "No import has this id.");
		}
		return status;
	}

	/** Queues a confirmation email for each membership the import left unconfirmed, once per import. */
	@PostMapping("/api/v1/subscribers/imports/{id}/confirmations")
	ResponseEntity<Map<String, Object>> askToConfirm(@PathVariable long id) {
		int asked = confirmations.request(id);
		audit.record("subscribers.import.confirmations", "import:" + id, Map.of("requested", asked));
		return ResponseEntity.accepted().body(Map.of("importId", id, "confirmationsRequested", asked));
	}

	private static InputStream body(HttpServletRequest request, long limit) throws IOException {
		MediaType type;
		try {
			type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		if (type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) && request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile("file");
			if (file == null) {
				throw RequestRefusedException.invalidField("No file", "file", "Send the CSV as the multipart part named 'file'.");
			}
			if (file.getSize() > limit) {
				throw LimitedBody.tooLarge(limit);
			}
			return file.getInputStream();
		}
		if (type == null || !(type.isCompatibleWith(MediaType.parseMediaType("text/csv"))
				|| type.isCompatibleWith(MediaType.TEXT_PLAIN))) {
			throw RequestRefusedException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not CSV",
					"Send the file as text/csv (UTF-8), or as the part 'file' of a multipart/form-data body.");
		}
		if (type.getCharset() != null && !"UTF-8".equalsIgnoreCase(type.getCharset().name())) {
			throw RequestRefusedException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not UTF-8",
					"Import files are read as UTF-8; this one says it is " + type.getCharset().name() + ".");
		}
		return request.getInputStream();
	}

}
