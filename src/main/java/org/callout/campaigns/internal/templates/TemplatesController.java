package org.callout.campaigns.internal.templates;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.callout.platform.AuditLog;
import org.callout.platform.Masking;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API for campaign templates: read, save (a new version each time), list versions, delete. */
@RestController
class TemplatesController {

	private final CampaignTemplates templates;

	private final AuditLog audit;

	TemplatesController(CampaignTemplates templates, AuditLog audit) {
		this.audit = audit;
		this.templates = templates;
	}

	@GetMapping("/api/v1/templates")
	List<TemplateSummary> all() {
		return templates.list();
	}

	@GetMapping("/api/v1/templates/{name}")
	TemplateView current(@PathVariable String name) {
		return view(templates.current(name).orElseThrow(() -> notFound(name)));
	}

	@GetMapping("/api/v1/templates/{name}/versions")
	List<StoredVersion> versions(@PathVariable String name) {
		List<StoredVersion> versions = new ArrayList<>();
		templates.version(name, 0).ifPresent(file -> versions.add(new StoredVersion(name, 0, file.origin(), file.savedAt(),
				List.copyOf(new TreeMap<>(file.languages()).keySet()), false)));
		versions.addAll(templates.versions(name));
		if (versions.isEmpty()) {
			throw notFound(name);
		}
		return versions;
	}

	@GetMapping("/api/v1/templates/{name}/versions/{version}")
	TemplateView version(@PathVariable String name, @PathVariable String version) {
		// Anything but a number of a stored version is simply not one: 404, never a type error.
		int number = version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
		return view(templates.version(name, number).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND,
				"Unknown template version", "Template '" + Masking.text(name) + "' has no version " + Masking.text(version) + ".")));
	}

	// Not in one transaction with its entry: a save retries its own transaction when a concurrent save took the
	// version number, which an enclosing transaction would make impossible (on PostgreSQL a failed statement aborts
	// it). The entry is written once the version is saved, so a failed save leaves none.
	@PutMapping("/api/v1/templates/{name}")
	ResponseEntity<TemplateView> save(@PathVariable String name, @RequestBody(required = false) byte[] body) {
		Map<String, TemplateVersion.Parts> languages = TemplateBody.read(body);
		java.util.Optional<TemplateVersion> before = templates.current(name);
		boolean first = before.map(current -> current.version() > 0 && current.origin().equals("api"))
			.orElse(false) == Boolean.FALSE;
		SavedTemplate saved = templates.save(name, languages);
		// The version and a fingerprint of the body, never the body: the version itself keeps the words.
		audit.record("template.edit", "template:" + name, before.map(TemplatesController::summary).orElse(null),
				Map.of("version", saved.version().version(), "languages", new TreeMap<>(languages).keySet(), "body",
						AuditLog.fingerprint(new String(body == null ? new byte[0] : body, java.nio.charset.StandardCharsets.UTF_8))));
		TemplateView view = view(saved.version());
		return first ? ResponseEntity.created(URI.create("/api/v1/templates/" + name)).body(view) : ResponseEntity.ok(view);
	}

	@DeleteMapping("/api/v1/templates/{name}")
	@Transactional
	ResponseEntity<Void> delete(@PathVariable String name) {
		java.util.Optional<TemplateVersion> before = templates.current(name);
		if (!templates.delete(name)) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No organizer copy",
					"Template '" + Masking.text(name) + "' has no saved copy to delete.");
		}
		audit.record("template.delete", "template:" + name, before.map(TemplatesController::summary).orElse(null), null);
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> summary(TemplateVersion version) {
		return Map.of("version", version.version(), "origin", version.origin());
	}

	private TemplateView view(TemplateVersion version) {
		Map<String, String> fallbacks = templates.fallbacks(version);
		return new TemplateView(version.name(), version.version(), version.origin(), version.savedAt(),
				new TreeMap<>(version.languages()), fallbacks, TemplateChecker.warnings(fallbacks), templates.problems(version));
	}

	private static RequestRefusedException notFound(String name) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "Unknown template", "There is no template '" + Masking.text(name) + "'.");
	}

}
