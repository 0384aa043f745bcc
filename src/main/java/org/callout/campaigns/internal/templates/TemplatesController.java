package org.callout.campaigns.internal.templates;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.callout.platform.Masking;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	TemplatesController(CampaignTemplates templates) {
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

	@PutMapping("/api/v1/templates/{name}")
	ResponseEntity<TemplateView> save(@PathVariable String name, @RequestBody(required = false) byte[] body) {
		Map<String, TemplateVersion.Parts> languages = TemplateBody.read(body);
		boolean first = templates.current(name).map(current -> current.version() > 0 && current.origin().equals("api"))
			.orElse(false) == Boolean.FALSE;
		SavedTemplate saved = templates.save(name, languages);
		TemplateView view = view(saved.version());
		return first ? ResponseEntity.created(URI.create("/api/v1/templates/" + name)).body(view) : ResponseEntity.ok(view);
	}

	@DeleteMapping("/api/v1/templates/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		if (!templates.delete(name)) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No organizer copy",
					"Template '" + Masking.text(name) + "' has no saved copy to delete.");
		}
		return ResponseEntity.noContent().build();
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
