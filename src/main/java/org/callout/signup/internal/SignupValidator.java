package org.callout.signup.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.SupportedLanguages;
import org.callout.platform.EmailAddress;
import org.callout.platform.TypedText;

import org.springframework.stereotype.Component;

/** The rules every signup meets, for the API and the form alike. */
@Component
public class SignupValidator {

	static final int MAX_NAME = 100;

	static final int MAX_STREET = 200;

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private final ConsentTermsCatalog terms;

	private final SupportedLanguages languages;

	SignupValidator(ConsentTermsCatalog terms, SupportedLanguages languages) {
		this.terms = terms;
		this.languages = languages;
	}

	/** The normalized signup, or the problems found; never both. */
	public Result validate(SignupRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		EmailAddress email = null;
		try {
			email = EmailAddress.parse(request.email());
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			problems.add(new FieldProblem("email", ex.reason().messageKey(), ex.getMessage()));
		}
		String first = text(request.firstName());
		String last = text(request.lastName());
		requireName("firstName", first, "first name", problems);
		requireName("lastName", last, "last name", problems);
		String zip = text(request.zip());
		if (zip == null) {
			problems.add(new FieldProblem("zip", "zip.missing", "Enter your ZIP code."));
		}
		else if (!ZIP.matcher(zip).matches()) {
			problems.add(new FieldProblem("zip", "zip.invalid", "Enter a 5-digit ZIP code, like 10004 or 10004-1234."));
		}
		String street = text(request.streetAddress());
		if (street != null && TypedText.length(street) > MAX_STREET) {
			problems.add(new FieldProblem("streetAddress", "street.too-long", "The street address is limited to " + MAX_STREET + " characters."));
		}
		if (!Boolean.TRUE.equals(request.consent())) {
			problems.add(new FieldProblem("consent", "consent.required", "Check the box to agree to receive emails."));
		}
		if (request.termsVersion() == null || request.termsVersion().isBlank()) {
			problems.add(new FieldProblem("termsVersion", "terms.missing", "Name the consent terms version the form showed (GET /api/v1/terms)."));
		}
		String language = languages.defaultLanguage();
		if (request.language() != null && !request.language().isBlank()) {
			language = languages.match(request.language()).filter(terms::speaks).orElse(null);
			if (language == null) {
				problems.add(new FieldProblem("language", "language.unsupported",
						"Unsupported language; offered: " + String.join(", ", languages.all()) + "."));
			}
		}
		if (!problems.isEmpty()) {
			return new Result(null, List.copyOf(problems));
		}
		return new Result(new ValidSignup(email, first, last, zip, street, language, request.list(),
				request.termsVersion().strip(), pageUrl(request.pageUrl()), formId(request.formId())), List.of());
	}

	private static void requireName(String field, String value, String label, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, field + ".missing", "Enter your " + label + "."));
		}
		else if (TypedText.length(value) > MAX_NAME) {
			problems.add(new FieldProblem(field, "name.too-long", "Your " + label + " is limited to " + MAX_NAME + " characters."));
		}
	}

	static String text(String raw) {
		return TypedText.clean(raw);
	}

	private static String pageUrl(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > 2000) {
			return null;
		}
		try {
			URI uri = URI.create(raw.strip());
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) ? uri.toString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String formId(String raw) {
		return raw != null && FORM_ID.matcher(raw.strip()).matches() ? raw.strip() : null;
	}

	/**
	 * @param signup the normalized signup, when valid
	 * @param problems what is wrong, when not
	 */
	public record Result(ValidSignup signup, List<FieldProblem> problems) {

		public boolean valid() {
			return problems.isEmpty();
		}

	}

}
