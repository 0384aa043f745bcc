package org.callout.legislators.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.callout.legislators.AnswerSource;
import org.callout.legislators.Chamber;
import org.callout.legislators.Confidence;
import org.callout.platform.SupportedLanguages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public "find your legislators" page. A GET form: it changes and stores nothing (the address is neither
 * kept nor logged), so it needs no CSRF token and works without cookies or JavaScript.
 */
@Controller
class RepsPage {

	/** What the person typed, shown back in the form. */
	record Form(String zip, String address) {
	}

	private final DistrictQueries queries;

	private final SupportedLanguages languages;

	private final MessageSource messages;

	RepsPage(DistrictQueries queries, SupportedLanguages languages, MessageSource messages) {
		this.queries = queries;
		this.languages = languages;
		this.messages = messages;
	}

	@GetMapping("/reps")
	String reps(@RequestParam(required = false) String zip, @RequestParam(required = false) String address, Locale locale,
			Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("languageLinks", languages.all().stream().collect(Collectors.toMap(l -> l,
				l -> messages.getMessage("language.name", null, l, Locale.forLanguageTag(l)), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("form", new Form(shorten(zip), shorten(address)));
		model.addAttribute("problems", List.of());
		model.addAttribute("errors", Map.of());
		if (zip == null && address == null) {
			return "legislators/reps";
		}
		LookupInput input = LookupInput.of(zip, address, false);
		if (!input.valid()) {
			response.setStatus(400);
			model.addAttribute("problems", input.errors());
			model.addAttribute("errors", input.errors().stream()
				.collect(Collectors.toMap(LookupInput.Problem::field, LookupInput.Problem::messageKey, (a, b) -> a)));
			return "legislators/reps";
		}
		DistrictQueries.Found found = queries.find(input);
		Confidence confidence = found.answer().confidence();
		String sure = switch (confidence) {
			case EXACT -> found.answer().source() == AnswerSource.GEOCODER ? "reps.sure.exact.geocoder" : "reps.sure.exact.zip";
			case AMBIGUOUS -> input.street() == null ? "reps.sure.ambiguous"
					: found.geocoderFailed() ? "reps.sure.ambiguous.geocoderDown"
					: found.answer().note() != null ? "reps.sure.ambiguous.noMatch" : "reps.sure.ambiguous.noAddresses";
			case UNKNOWN -> "reps.sure.unknown";
			case OUTSIDE_NY -> "reps.sure.outside-ny";
		};
		model.addAttribute("zip5", input.zip());
		model.addAttribute("confidence", confidence.code());
		model.addAttribute("sure", sure);
		if (confidence != Confidence.OUTSIDE_NY && confidence != Confidence.UNKNOWN) {
			model.addAttribute("chambers", List.of(RepsView.of(Chamber.UPPER, found.answer().senate(), queries),
					RepsView.of(Chamber.LOWER, found.answer().assembly(), queries)));
		}
		return "legislators/reps";
	}

	/** What is shown back is at most a little over what the form allows: a 10 KB query string is not echoed whole. */
	private static String shorten(String value) {
		return value == null || value.length() <= 300 ? value : value.substring(0, 300);
	}

}
