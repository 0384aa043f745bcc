package org.callout.campaigns.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.StoredVersion;
import org.callout.campaigns.internal.templates.TemplateVersion;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A template's versions (the file default as 0, then every saved one, deleted or not) and a diff between two. */
@Controller
@org.callout.platform.ConsolePage
class TemplateVersionPages {

	private final CampaignTemplates templates;

	TemplateVersionPages(CampaignTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/console/templates/{name}/versions")
	String versions(@PathVariable String name, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		List<StoredVersion> versions = all(name);
		if (versions.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		int newest = versions.isEmpty() ? 0 : versions.getLast().version();
		int older = versions.size() < 2 ? newest : versions.get(versions.size() - 2).version();
		int a = number(from).orElse(older);
		int b = number(to).orElse(newest);
		model.addAttribute("name", name);
		model.addAttribute("versions", versions);
		model.addAttribute("from", a);
		model.addAttribute("to", b);
		if (from != null || to != null) {
			Optional<TemplateVersion> left = templates.version(name, a);
			Optional<TemplateVersion> right = templates.version(name, b);
			if (left.isPresent() && right.isPresent()) {
				model.addAttribute("diff", TemplateDiff.between(left.get(), right.get()));
			}
			else {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("diffError", "console.templates.diff.unknown");
			}
		}
		return "console/templates/versions";
	}

	private List<StoredVersion> all(String name) {
		List<StoredVersion> versions = new ArrayList<>();
		templates.version(name, 0).ifPresent(file -> versions.add(new StoredVersion(name, 0, file.origin(), file.savedAt(),
				List.copyOf(new TreeMap<>(file.languages()).keySet()), false)));
		versions.addAll(templates.versions(name));
		return versions;
	}

	// Anything but a number is no version: the page says so rather than failing on a type.
	private static Optional<Integer> number(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		return Optional.of(typed.matches("\\d{1,9}") ? Integer.parseInt(typed) : -1);
	}

}
