package org.callout.bills.internal.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.bills.internal.BillActions;
import org.callout.bills.internal.BillViews;
import org.callout.bills.internal.PrintLookup;
import org.callout.platform.FormErrors;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /console/bills}: the tracked bills, adding one by print number, a bill's timeline and setting its status. */
@Controller
@org.callout.platform.ConsolePage
class BillPages {

	private static final java.time.ZoneId ALBANY = java.time.ZoneId.of("America/New_York");

	private final BillViews views;

	private final BillActions actions;

	private final PrintLookup lookup;

	private final Clock clock;

	BillPages(BillViews views, BillActions actions, PrintLookup lookup, Clock clock) {
		this.views = views;
		this.actions = actions;
		this.lookup = lookup;
		this.clock = clock;
	}

	/** What the add form holds: what was typed, kept as typed. */
	record AddForm(String session, String printNo, String sameAs, String title) {
	}

	/** What the status form holds. */
	record StatusForm(String status, String actionDate, String committee, String print) {
	}

	@GetMapping("/console/bills")
	String list(Model model) {
		int year = LocalDate.now(clock.withZone(ALBANY)).getYear();
		return list(model, new AddForm(String.valueOf(year % 2 == 1 ? year : year - 1), "", "", ""), Map.of());
	}

	@PostMapping("/console/bills")
	String add(@RequestParam(required = false) String session, @RequestParam(required = false) String printNo,
			@RequestParam(required = false) String sameAs, @RequestParam(required = false) String title,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		AddForm form = new AddForm(session, printNo, sameAs, title);
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return list(model, form, Map.of());
		}
		Map<String, String> unknown = new LinkedHashMap<>();
		if (!lookup.exists(number(session), printNo)) {
			unknown.put("printNo", "console.bills.error.printNo.unknown");
		}
		if (sameAs != null && !sameAs.isBlank() && !lookup.exists(number(session), sameAs)) {
			unknown.put("sameAs", "console.bills.error.sameAs.unknown");
		}
		if (!unknown.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return list(model, form, unknown);
		}
		try {
			TrackedBill bill = actions.register(number(session), printNo, sameAs, title);
			return "redirect:/console/bills/" + bill.id();
		}
		catch (RequestRefusedException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return list(model, form, FormErrors.of(refused, "console.bills.error."));
		}
	}

	private String list(Model model, AddForm form, Map<String, String> errors) {
		model.addAttribute("bills", views.all());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "console/bills/list";
	}

	@GetMapping("/console/bills/{id}")
	String bill(@PathVariable long id, Model model) {
		return bill(id, model, new StatusForm("", LocalDate.now(clock.withZone(ALBANY)).toString(), "", ""), Map.of());
	}

	@PostMapping("/console/bills/{id}/status")
	String setStatus(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String actionDate, @RequestParam(required = false) String committee,
			@RequestParam(required = false) String print, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StatusForm form = new StatusForm(status, actionDate, committee, print);
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return bill(id, model, form, Map.of());
		}
		try {
			BillActions.StatusResult result = actions.setStatus(id, status, actionDate, committee, print);
			redirect.addFlashAttribute("note", "console.bills.status.result." + result.result());
			return "redirect:/console/bills/" + id;
		}
		catch (RequestRefusedException refused) {
			response.setStatus(refused.problem().getStatus() == 404 ? 404 : HttpStatus.BAD_REQUEST.value());
			return bill(id, model, form, FormErrors.of(refused, "console.bills.error."));
		}
	}

	private String bill(long id, Model model, StatusForm form, Map<String, String> errors) {
		TrackedBill bill = views.find(id).orElseThrow(PageNotFound::new);
		model.addAttribute("bill", bill);
		model.addAttribute("history", actions.history(id));
		model.addAttribute("statuses", BillStatus.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		Map<String, String> prints = new LinkedHashMap<>();
		bill.prints().forEach(p -> prints.put(p.basePrintNo(), p.activePrintNo()));
		model.addAttribute("prints", prints);
		return "console/bills/bill";
	}

	/** Not the API's problem detail: a page, as for any unknown console address. */
	@org.springframework.web.bind.annotation.ExceptionHandler(PageNotFound.class)
	org.springframework.web.servlet.ModelAndView notFound() {
		org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	/** A session typed as something else than a number is the registry's to refuse, at its field. */
	private static Integer number(String session) {
		try {
			return session == null ? null : Integer.valueOf(session.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
