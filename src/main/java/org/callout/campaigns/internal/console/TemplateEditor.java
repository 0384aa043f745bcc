package org.callout.campaigns.internal.console;

import java.util.List;
import java.util.Optional;

import org.callout.campaigns.internal.templates.TemplateVersion;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The editor page's model, the same whichever button was pressed. */
@Component
class TemplateEditor {

	private final TemplatePreviews previews;

	TemplateEditor(TemplatePreviews previews) {
		this.previews = previews;
	}

	String page(String name, Optional<TemplateVersion> current, TemplateForm form, TemplatePreviews.Result result,
			Model model) {
		String defaultLanguage = previews.languages().getFirst();
		List<TemplateProblems.AtField> problems = result == null ? List.of()
				: TemplateProblems.place(result.problems(), form, defaultLanguage);
		model.addAttribute("name", name);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("languages", previews.languages());
		model.addAttribute("form", form);
		model.addAttribute("result", result);
		model.addAttribute("problems", problems);
		model.addAttribute("fieldProblems", TemplateProblems.byField(problems));
		return "console/templates/edit";
	}

}
