package org.callout.campaigns.internal.console;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.campaigns.internal.blasts.Blast;
import org.callout.campaigns.internal.blasts.BlastActions;
import org.callout.campaigns.internal.blasts.BlastState;
import org.callout.campaigns.internal.blasts.Blasts;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Console: the blasts by state, and a blast's page with its audience, progress, troubles and calls, and the
 * buttons its state allows. The moves are {@link BlastActions}' (the API's rules and audit entries).
 */
@Controller
@org.callout.platform.ConsolePage
class BlastPagesController {

	private static final List<String> ACTIONS = List.of("submit", "approve", "reschedule", "pause", "resume", "cancel");

	private final Blasts blasts;

	private final BlastActions actions;

	private final BlastPageModel pages;

	BlastPagesController(Blasts blasts, BlastActions actions, BlastPageModel pages) {
		this.blasts = blasts;
		this.actions = actions;
		this.pages = pages;
	}

	@GetMapping("/console/blasts")
	String list(@RequestParam(required = false) String state, Model model) {
		BlastState wanted = Arrays.stream(BlastState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
		model.addAttribute("states", BlastState.values());
		model.addAttribute("wanted", wanted);
		model.addAttribute("blasts", blasts.list(wanted, 200));
		return "console/blasts/list";
	}

	@GetMapping("/console/blasts/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		pages.fill(model, pages.find(id));
		if (done != null && ACTIONS.contains(done)) {
			model.addAttribute("note", "console.blasts.done." + done);
		}
		return "console/blasts/blast";
	}

	@GetMapping(path = "/console/blasts/{id}/progress", produces = "application/json")
	@ResponseBody
	Map<String, Object> progress(@PathVariable long id) {
		return pages.progress(pages.find(id));
	}

	@PostMapping("/console/blasts/{id}/{action}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String startAt,
			HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
		if (!ACTIONS.contains(action)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Blast blast = pages.find(id);
		model.addAttribute("typedStartAt", startAt);
		if (PageForms.csrfRejected(request)) {
			// Forwarded here past the security filters: show the page again and change nothing.
			model.addAttribute("note", "console.note.stale");
			pages.fill(model, blast);
			return "console/blasts/blast";
		}
		String author = BlastActions.author(principal);
		try {
			switch (action) {
				case "submit" -> actions.submit(id, false, author);
				case "approve" -> actions.approve(id, author);
				case "reschedule" -> actions.reschedule(id, startAt, null, null, author);
				case "pause" -> actions.pause(id, author);
				case "resume" -> actions.resume(id, author);
				default -> actions.cancel(id, author);
			}
		}
		catch (RequestRefusedException refused) {
			response.setStatus(refused.problem().getStatus());
			refusal(refused, action, model);
			pages.fill(model, pages.find(id));
			return "console/blasts/blast";
		}
		return "redirect:/console/blasts/" + id + "?done=" + action;
	}

	/** The API's refusal in the page's words: at the field for a bad time, else above the buttons. */
	private static void refusal(RequestRefusedException refused, String action, Model model) {
		String title = refused.problem().getTitle();
		Map<String, Object> more = refused.problem().getProperties() == null ? Map.of() : refused.problem().getProperties();
		if ("reschedule".equals(action) && more.containsKey("errors")) {
			model.addAttribute("startAtError", "console.blasts.startAt.invalid");
			return;
		}
		model.addAttribute("refusedState", more.get("state"));
		model.addAttribute("refusal", switch (title == null ? "" : title) {
			case BlastActions.FOUR_EYES -> "console.blasts.refused.fourEyes";
			case "Too late" -> "console.blasts.refused.late";
			case "Not allowed in this state" -> "console.blasts.refused.state";
			default -> "console.blasts.refused.other";
		});
	}

}
