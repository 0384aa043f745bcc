package org.callout.campaigns.internal.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.callout.campaigns.internal.email.CampaignEmail;
import org.callout.campaigns.internal.email.CampaignEmails;
import org.callout.campaigns.internal.email.CampaignModel;
import org.callout.campaigns.internal.email.PreviewReaders;
import org.callout.campaigns.internal.email.PreviewRequest;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateProblem;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Component;

/**
 * The editor's words rendered, before they are saved, in every offered language for one real person: through the
 * same checker, readers and {@link CampaignEmails} as the preview API, so the preview is what supporters will get.
 */
@Component
class TemplatePreviews {

	/** One language's email as its reader gets it. */
	record Rendered(String language, String subject, String text, String html, boolean fallback) {
	}

	/**
	 * @param problems what is wrong with the words (nothing is rendered then)
	 * @param whomField {@code email} or {@code zip} when whom to preview for is not right, else null
	 * @param whomError why: a message key
	 * @param whomDetail the refusal's own words, for {@code console.templates.whom.refused}
	 */
	record Result(List<TemplateProblem> problems, String whomField, String whomError, String whomDetail,
			List<Rendered> emails, List<CampaignEmail> made) {

		Result {
			problems = List.copyOf(problems);
			emails = List.copyOf(emails);
			made = List.copyOf(made);
		}

		Result(List<TemplateProblem> problems, String whomField, String whomError, String whomDetail, List<Rendered> emails) {
			this(problems, whomField, whomError, whomDetail, emails, List.of());
		}

		boolean ok() {
			return problems.isEmpty() && whomField == null;
		}

	}

	private final CampaignTemplates templates;

	private final PreviewReaders readers;

	private final CampaignEmails emails;

	private final Subscribers subscribers;

	private final SupportedLanguages languages;

	private final Clock clock;

	TemplatePreviews(CampaignTemplates templates, PreviewReaders readers, CampaignEmails emails, Subscribers subscribers,
			SupportedLanguages languages, Clock clock) {
		this.templates = templates;
		this.readers = readers;
		this.emails = emails;
		this.subscribers = subscribers;
		this.languages = languages;
		this.clock = clock;
	}

	List<String> languages() {
		return languages.all();
	}

	List<TemplateProblem> check(String name, TemplateForm form) {
		return templates.check(name, form.languages());
	}

	/** The words as every offered language's readers will get them, with links that record nothing. */
	Result preview(String name, TemplateForm form) {
		return make(name, form, languages.all(), CampaignEmails.Sender.preview("test"));
	}

	/** The words in one language as a test email: marked as a test, its links recording nothing. */
	Result test(String name, TemplateForm form, String language) {
		return make(name, form, List.of(language), new CampaignEmails.Sender(null, "test"));
	}

	private Result make(String name, TemplateForm form, List<String> wanted, CampaignEmails.Sender sender) {
		List<TemplateProblem> problems = check(name, form);
		if (!problems.isEmpty()) {
			return new Result(problems, null, null, null, List.of());
		}
		// Never stored: version 0 and an origin of its own, only ever rendered here.
		TemplateVersion draft = new TemplateVersion(name, 0, "draft", clock.instant(), form.languages());
		List<Rendered> rendered = new ArrayList<>();
		List<CampaignEmail> made = new ArrayList<>();
		try {
			Long subscriber = subscriber(form);
			for (String language : wanted) {
				PreviewRequest request = subscriber != null
						? new PreviewRequest(null, subscriber, null, null, null, language, form.ask(), null)
						: new PreviewRequest(null, null, form.zip(), form.address(), null, language, form.ask(), null);
				CampaignEmails.Reader reader = readers.reader(request);
				CampaignModel.About about = new CampaignModel.About(readers.bill(request), null, null, readers.ask(request));
				CampaignEmail email = emails.make(draft, reader, about, sender);
				made.add(email);
				rendered.add(new Rendered(language, email.rendered().subject(), email.rendered().text(),
						email.rendered().html(), email.languageFallback()));
			}
		}
		catch (Whom wrong) {
			return new Result(List.of(), wrong.field, wrong.getMessage(), null, List.of());
		}
		catch (RequestRefusedException refused) {
			org.callout.platform.FieldError error = fieldError(refused);
			String field = error == null ? null : switch (error.field()) {
				case "zip", "address", "ask" -> error.field();
				default -> null;
			};
			return new Result(List.of(), field != null ? field : form.email() != null ? "email" : "zip",
					"console.templates.whom.refused", error == null ? refused.problem().getDetail() : error.message(), List.of());
		}
		return new Result(List.of(), null, null, null, rendered, made);
	}

	/** The subscriber the address names; null when previewing for a ZIP instead. */
	private Long subscriber(TemplateForm form) {
		if (form.email() == null) {
			if (form.zip() == null) {
				throw new Whom("zip", "console.templates.whom.missing");
			}
			return null;
		}
		EmailAddress address;
		try {
			address = EmailAddress.parse(form.email());
		}
		catch (IllegalArgumentException ex) {
			throw new Whom("email", "console.templates.whom.notAnAddress");
		}
		return subscribers.byEmail(address).map(Subscriber::id)
			.orElseThrow(() -> new Whom("email", "console.templates.whom.unknown"));
	}

	/** The refusal's first field error, if it names one: its words say more than "Some fields need attention". */
	private static org.callout.platform.FieldError fieldError(RequestRefusedException refused) {
		Object errors = refused.problem().getProperties() == null ? null : refused.problem().getProperties().get("errors");
		return errors instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof org.callout.platform.FieldError error
				? error : null;
	}

	/** Whom to preview for is not right: which field, and why. */
	private static final class Whom extends RuntimeException {

		private final String field;

		Whom(String field, String messageKey) {
			super(messageKey, null, false, false);
			this.field = field;
		}

	}

}
