package org.callout.campaigns.internal.console;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.bills.BillStatus;
import org.callout.bills.Bills;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.blasts.Trigger;
import org.callout.campaigns.internal.blasts.TriggerActions;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateSummary;
import org.callout.platform.FormErrors;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /console/triggers}: which status changes of a bill start a blast, listed, created and edited. */
@Controller
@org.callout.platform.ConsolePage
class TriggerPages {

	private final TriggerActions triggers;

	private final Bills bills;

	private final CampaignTemplates templates;

	private final SubscriberLists lists;

	TriggerPages(TriggerActions triggers, Bills bills, CampaignTemplates templates, SubscriberLists lists) {
		this.triggers = triggers;
		this.bills = bills;
		this.templates = templates;
		this.lists = lists;
	}

	@GetMapping("/console/triggers")
	String list(Model model) {
		model.addAttribute("triggers", triggers.all());
		model.addAttribute("bills", TriggerForm.billNames(bills.all()));
		model.addAttribute("lists", lists.all().stream().collect(java.util.stream.Collectors.toMap(SubscriberList::id, SubscriberList::name)));
		return "console/triggers/list";
	}

	@GetMapping("/console/triggers/new")
	String create(Model model) {
		return form(model, null, TriggerForm.blank(triggers.defaultTemplate(), triggers.defaultSendBy()), Map.of());
	}

	@GetMapping("/console/triggers/{id}")
	String edit(@PathVariable long id, Model model) {
		Trigger trigger = triggers.find(id).orElseThrow(() -> missing(id));
		return form(model, id, TriggerForm.of(trigger, lists), Map.of());
	}

	@PostMapping("/console/triggers")
	String create(TriggerForm form, Principal by, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return form(model, null, form, Map.of());
		}
		try {
			triggers.create(form.fields(), by);
			return "redirect:/console/triggers?saved";
		}
		catch (RequestRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, null, form, FormErrors.of(refused, "console.triggers.error."));
		}
	}

	@PostMapping("/console/triggers/{id}")
	String edit(@PathVariable long id, TriggerForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		triggers.find(id).orElseThrow(() -> missing(id));
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return form(model, id, form, Map.of());
		}
		try {
			triggers.update(id, form.fields());
			return "redirect:/console/triggers?saved";
		}
		catch (RequestRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, id, form, FormErrors.of(refused, "console.triggers.error."));
		}
	}

	private String form(Model model, Long id, TriggerForm form, Map<String, String> errors) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		// Newest first: a trigger is most often made for the bill just tracked.
		model.addAttribute("bills", TriggerForm.billNames(bills.all().reversed()));
		model.addAttribute("statuses", BillStatus.values());
		model.addAttribute("templates", templates.list().stream().map(TemplateSummary::name).toList());
		model.addAttribute("lists", lists.all().stream().sorted(java.util.Comparator.comparing(SubscriberList::name,
				String.CASE_INSENSITIVE_ORDER)).toList());
		model.addAttribute("asks", List.of(AskMode.values()).stream().map(AskMode::code).toList());
		return "console/triggers/form";
	}

	private static PageNotFound missing(long id) {
		return new PageNotFound(); // The id is in the address the organizer sees.
	}

	/** Not the API's problem detail: a page, as for any unknown console address. */
	@org.springframework.web.bind.annotation.ExceptionHandler(PageNotFound.class)
	org.springframework.web.servlet.ModelAndView notFound() {
		org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds == 0) {
			return "0";
		}
		return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
	}

}
