package org.callout.console.internal;

import org.callout.platform.CalloutProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final CalloutProperties properties;

	HomeController(CalloutProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("organization", properties.organization().name());
		return "home";
	}

}
