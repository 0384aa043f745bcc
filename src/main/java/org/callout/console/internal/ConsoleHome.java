package org.callout.console.internal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console}: where a signed-in organizer lands. */
@Controller
class ConsoleHome {

	@GetMapping("/console")
	String home(@RequestParam(required = false) String stale, Authentication signedIn, Model model) {
		model.addAttribute("note", stale != null ? "console.note.stale" : null);
		return "console/home";
	}

}
