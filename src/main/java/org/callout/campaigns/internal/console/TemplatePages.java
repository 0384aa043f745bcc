package org.callout.campaigns.internal.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.SavedTemplate;
import org.callout.campaigns.internal.templates.TemplateProblem;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.platform.AuditLog;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's campaign templates: the list, and the editor with its preview for one real person in every
 * language. Saving goes through {@link CampaignTemplates} like the API, with the API's audit entry.
 */
@Controller
@org.callout.platform.ConsolePage
class TemplatePages {

	static final String SAMPLE_ZIP = "12207";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CampaignTemplates templates;

	private final TemplatePreviews previews;

	private final TemplateEditor editor;

	private final AuditLog audit;

	TemplatePages(CampaignTemplates templates, TemplatePreviews previews, TemplateEditor editor, AuditLog audit) {
		this.templates = templates;
		this.previews = previews;
		this.editor = editor;
		this.audit = audit;
	}

	@GetMapping("/console/templates")
	String list(@RequestParam(name = "new", required = false) String newName, Model model) {
		if (newName != null) {
			String name = newName.strip();
			if (name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
				return "redirect:/console/templates/" + name;
			}
			model.addAttribute("newName", newName);
			model.addAttribute("newError", "console.templates.new.invalid");
		}
		model.addAttribute("templates", templates.list());
		return "console/templates/list";
	}

	@GetMapping("/console/templates/{name}")
	String edit(@PathVariable String name, @RequestParam(required = false) String email,
			@RequestParam(required = false) String zip, @RequestParam(required = false) String address,
			@RequestParam(required = false) String ask,
			@RequestParam(required = false) Integer saved, Model model, HttpServletResponse response) {
		Optional<TemplateVersion> current = templates.current(name);
		if (current.isEmpty() && !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("templates", templates.list());
			model.addAttribute("newName", name);
			model.addAttribute("newError", "console.templates.new.invalid");
			return "console/templates/list";
		}
		boolean forSomeone = email != null && !email.isBlank();
		TemplateForm form = TemplateForm.of(current.orElse(null), previews.languages(), blank(email),
				forSomeone ? null : Optional.ofNullable(blank(zip)).orElse(SAMPLE_ZIP), forSomeone ? null : blank(address), blank(ask));
		// A new template has no words yet: nothing to preview, and no errors to show before anything was typed.
		TemplatePreviews.Result result = current.isPresent() ? previews.preview(name, form) : null;
		model.addAttribute("saved", saved);
		return editor.page(name, current, form, result, model);
	}

	@PostMapping("/console/templates/{name}")
	String post(@PathVariable String name, @RequestParam(defaultValue = "preview") String action, HttpServletRequest request,
			Model model, HttpServletResponse response) {
		Optional<TemplateVersion> current = templates.current(name);
		TemplateForm form = TemplateForm.posted(request, previews.languages());
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return editor.page(name, current, form, null, model);
		}
		if (!action.equals("save")) {
			return editor.page(name, current, form, previews.preview(name, form), model);
		}
		List<TemplateProblem> problems = previews.check(name, form);
		if (problems.isEmpty()) {
			try {
				SavedTemplate saved = save(name, form, current);
				return "redirect:/console/templates/" + name + "?saved=" + saved.version().version();
			}
			catch (RequestRefusedException refused) {
				problems = List.of(new TemplateProblem(null, null, null, null, refused.problem().getDetail()));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return editor.page(name, current, form, new TemplatePreviews.Result(problems, null, null, null, List.of()), model);
	}

	/** The same entry as {@code PUT /api/v1/templates/{name}}: the version and a fingerprint of the words, never the words. */
	private SavedTemplate save(String name, TemplateForm form, Optional<TemplateVersion> before) {
		Map<String, TemplateVersion.Parts> languages = form.languages();
		SavedTemplate saved = templates.save(name, languages);
		audit.record("template.edit", "template:" + name,
				before.map(v -> Map.<String, Object>of("version", v.version(), "origin", v.origin())).orElse(null),
				Map.of("version", saved.version().version(), "languages", new TreeMap<>(languages).keySet(), "body",
						AuditLog.fingerprint(JSON.writeValueAsString(Map.of("languages", new TreeMap<>(languages))))));
		return saved;
	}

	private static String blank(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

}
