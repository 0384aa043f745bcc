package org.callout.campaigns.internal.console;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.PageForms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The editor's preview alone, for {@code /templates-editor.js} to refresh as the organizer types: the same fields
 * as the editor's form and the same fragment the full page shows, so the page works the same with scripts off.
 * A session-and-CSRF POST under {@code /console}, because the preview API wants a bearer token no page has.
 */
@Controller
@org.callout.platform.ConsolePage
class TemplateLivePreview {

	private final TemplatePreviews previews;

	TemplateLivePreview(TemplatePreviews previews) {
		this.previews = previews;
	}

	@PostMapping("/console/templates/{name}/preview")
	String preview(@PathVariable String name, HttpServletRequest request, Model model) {
		TemplateForm form = TemplateForm.posted(request, previews.languages());
		model.addAttribute("name", name);
		model.addAttribute("languages", previews.languages());
		model.addAttribute("form", form);
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			model.addAttribute("result", null);
			model.addAttribute("problems", java.util.List.of());
		}
		else {
			TemplatePreviews.Result result = previews.preview(name, form);
			model.addAttribute("result", result);
			model.addAttribute("problems",
					TemplateProblems.place(result.problems(), form, previews.languages().getFirst()));
		}
		return "console/templates/edit :: preview";
	}

}
