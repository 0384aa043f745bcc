package org.callout.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/audit}: the audit log as a console page for admins (the console chain's rule), with the filters,
 * the keyset pages ({@code after=<id>}) and the CSV of {@link AuditController}. Here, next to the store, because the
 * store is this package's; the page only reads.
 */
@Controller
@org.callout.platform.ConsolePage
class AuditPages {

	private static final int PAGE = 50;

	private final AuditStore store;

	AuditPages(AuditStore store) {
		this.store = store;
	}

	/**
	 * Admins only, here as well as in the chain: a stale form is forwarded back to its handler past the chain's rules,
	 * and a rule reordered by mistake must not open these pages. The refusal is shown as the 403 page
	 * ({@code ConsolePageErrors}) and recorded when it was a change.
	 */
	@org.springframework.web.bind.annotation.ModelAttribute
	void adminsOnly() {
		var who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (who == null || who.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
			throw new org.springframework.security.access.AccessDeniedException("admins only");
		}
	}

	@GetMapping("/console/audit")
	String log(@RequestParam Map<String, String> query, HttpServletResponse response, Model model) {
		Map<String, String> typed = typed(query);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", Map.of());
		model.addAttribute("entries", List.of());
		try {
			AuditStore.Filter filter = AuditController.filter(api(typed, query.get("after")));
			List<AuditEntry> entries = store.find(filter, PAGE);
			model.addAttribute("entries", entries);
			model.addAttribute("next", entries.size() == PAGE ? entries.getLast().id() : null);
		}
		catch (RequestRefusedException invalid) {
			response.setStatus(400);
			model.addAttribute("errors", errors(invalid));
		}
		return "console/audit/log";
	}

	@GetMapping("/console/audit/export")
	void export(@RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
		AuditController.export(store, AuditController.filter(api(typed(query), null)), response);
	}

	/** The filters as typed, for the form to show them again. */
	private static Map<String, String> typed(Map<String, String> query) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (String field : List.of("actor", "action", "from", "to")) {
			String value = query.get(field);
			typed.put(field, value == null ? "" : value.strip());
		}
		return typed;
	}

	/**
	 * The filters as the API takes them: a date-time input sends {@code 2026-12-01T18:00} (no zone); the page says
	 * its times are UTC, so that is {@code 2026-12-01T18:00:00Z}. Anything else goes to the API's parser as it is.
	 */
	private static Map<String, String> api(Map<String, String> typed, String after) {
		Map<String, String> api = new LinkedHashMap<>();
		typed.forEach((field, value) -> {
			if (!value.isEmpty()) {
				api.put(field, (field.equals("from") || field.equals("to")) ? utc(value) : value);
			}
		});
		if (after != null && !after.isBlank()) {
			api.put("after", after);
		}
		return api;
	}

	private static String utc(String value) {
		if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
			return value + ":00Z";
		}
		return value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?") ? value + "Z" : value;
	}

	private static Map<String, String> errors(RequestRefusedException invalid) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (invalid.problem().getProperties() != null && invalid.problem().getProperties().get("errors") instanceof List<?> list) {
			for (Object each : list) {
				FieldError error = (FieldError) each;
				errors.putIfAbsent(error.field(), "console.audit.error." + error.field());
			}
		}
		return errors;
	}

}
