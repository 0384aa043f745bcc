package org.callout.signup.internal.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.Cidr;
import org.callout.platform.PageForms;
import org.callout.signup.internal.KioskAllowlist;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The kiosk allow-list in the console, beside the lists: show, add, remove, audited as the API does. */
@Controller
@org.callout.platform.ConsolePage
class KioskPages {

	private final KioskAllowlist allowlist;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	KioskPages(KioskAllowlist allowlist, AuditLog audit, TransactionTemplate transactions) {
		this.allowlist = allowlist;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/console/lists/kiosk")
	String show(@RequestParam(required = false) String added, @RequestParam(required = false) String removed, Model model) {
		String note = added != null ? "console.kiosk.addedNote" : removed != null ? "console.kiosk.removedNote" : null;
		return page(model, "", "", Map.of(), note, added != null ? added : removed);
	}

	@PostMapping("/console/lists/kiosk")
	String add(HttpServletRequest request, @RequestParam(defaultValue = "") String cidr, @RequestParam(defaultValue = "") String label,
			Model model) {
		if (PageForms.csrfRejected(request)) {
			return page(model, cidr, label, Map.of(), "console.note.stale", null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Cidr> range = Cidr.parse(cidr.strip());
		if (range.isEmpty()) {
			errors.put("cidr", "console.kiosk.error.cidr");
		}
		else if (KioskAllowlist.tooWide(range.get())) {
			errors.put("cidr", "console.kiosk.error.tooWide");
		}
		String stripped = label.isBlank() ? null : label.strip();
		if (stripped != null && stripped.length() > KioskAllowlist.MAX_LABEL) {
			errors.put("label", "console.kiosk.error.label");
		}
		if (!errors.isEmpty()) {
			return page(model, cidr, label, errors, null, null);
		}
		Cidr valid = range.get();
		transactions.executeWithoutResult(tx -> {
			boolean added = allowlist.add(valid, stripped);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("label", stripped);
			after.put("added", added);
			audit.record("kiosk.add", "kiosk:" + valid.canonical(), after);
		});
		return "redirect:/console/lists/kiosk?added=" + valid.canonical();
	}

	@PostMapping("/console/lists/kiosk/remove")
	String remove(HttpServletRequest request, @RequestParam(defaultValue = "") String cidr, Model model) {
		if (PageForms.csrfRejected(request)) {
			return page(model, "", "", Map.of(), "console.note.stale", null);
		}
		String canonical = Cidr.parse(cidr).map(Cidr::canonical).orElse(cidr);
		Boolean removed = transactions.execute(tx -> {
			if (!allowlist.remove(canonical)) {
				return false;
			}
			audit.record("kiosk.remove", "kiosk:" + canonical, null);
			return true;
		});
		if (!Boolean.TRUE.equals(removed)) {
			return page(model, "", "", Map.of(), "console.kiosk.notListed", canonical);
		}
		return "redirect:/console/lists/kiosk?removed=" + canonical;
	}

	private String page(Model model, String cidr, String label, Map<String, String> errors, String note, String noteArg) {
		model.addAttribute("entries", allowlist.all());
		model.addAttribute("cidr", cidr);
		model.addAttribute("label", label);
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		model.addAttribute("noteArg", noteArg);
		return "console/lists/kiosk";
	}

}
