package org.callout.mail.internal.console;

import java.util.Map;

import org.callout.mail.MailProperties;
import org.callout.platform.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /console/outbox}: the emails the embedded outbox wrote, for anyone signed in. With SMTP the page says mail
 * goes to the relay, and still lists files an earlier outbox left (they hold personal data until deleted or erased).
 * Each message read is recorded, as the subscriber export and access requests are: the outbox holds addresses,
 * names and districts.
 */
@Controller
@org.callout.platform.ConsolePage
class OutboxPages {

	private final OutboxFolder outbox;

	private final MailProperties mail;

	private final AuditLog audit;

	OutboxPages(OutboxFolder outbox, MailProperties mail, AuditLog audit) {
		this.outbox = outbox;
		this.mail = mail;
		this.audit = audit;
	}

	@GetMapping("/console/outbox")
	String list(Model model) {
		model.addAttribute("smtp", mail.transport() == MailProperties.Transport.SMTP);
		model.addAttribute("relay", mail.smtp().host() + ":" + mail.smtp().port());
		model.addAttribute("messages", outbox.newest());
		model.addAttribute("limit", OutboxFolder.LISTED);
		return "console/outbox/list";
	}

	@GetMapping("/console/outbox/message")
	String read(@RequestParam(required = false) String file, Model model) {
		OutboxFolder.Shown shown = outbox.read(file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		audit.record("outbox.read", "outbox:" + shown.file(), Map.of());
		model.addAttribute("message", shown);
		return "console/outbox/message";
	}

}
