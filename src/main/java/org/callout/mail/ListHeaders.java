package org.callout.mail;

import java.util.regex.Pattern;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeUtility;

/**
 * The headers of every email sent to a list: how to leave it (RFC 2369 and RFC 8058 one-click), which list it is
 * (RFC 2919), and a Feedback-ID that groups a campaign's complaints at the mailbox providers that report them.
 *
 * @param unsubscribeUrl the https link that unsubscribes with one POST
 * @param unsubscribeMailbox the mailbox an unsubscribe email goes to
 * @param listName the list's display name (any language)
 * @param listLabel the list's short name ({@code supporters}); with the sender's domain it makes the List-Id
 * @param domain the sender's domain
 * @param feedbackId the campaign's Feedback-ID, the same for every message of the campaign
 */
public record ListHeaders(URI unsubscribeUrl, String unsubscribeMailbox, String listName, String listLabel, String domain,
		String feedbackId) {

	// Compiled once: every email of a blast has these headers.
	private static final Pattern NOT_FEEDBACK_ID = Pattern.compile("[^A-Za-z0-9:._-]");

	private static final Pattern NOT_ATOM = Pattern.compile("[^a-z0-9-]+");

	private static final Pattern OUTER_HYPHENS = Pattern.compile("^-+|-+$");

	private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~-]*");

	public Map<String, String> asHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + unsubscribeUrl.toASCIIString() + ">, <mailto:" + unsubscribeMailbox
				+ "?subject=unsubscribe>");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		headers.put("List-Id", phrase(listName) + " <" + atom(listLabel) + "." + domain + ">");
		headers.put("Feedback-ID", NOT_FEEDBACK_ID.matcher(feedbackId).replaceAll("-"));
		return headers;
	}

	/** A list's label as one dot-atom: letters, digits and hyphens. */
	static String atom(String label) {
		String atom = OUTER_HYPHENS.matcher(NOT_ATOM.matcher(label.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
		return atom.isEmpty() ? "list" : atom;
	}

	private static String phrase(String name) {
		String oneLine = MailComposer.oneLine(name);
		try {
			// A Spanish list name is not ASCII: headers carry it encoded (RFC 2047), quoted where it has specials.
			return PLAIN_PHRASE.matcher(oneLine).matches() ? oneLine
					: MimeUtility.encodeWord(oneLine, StandardCharsets.UTF_8.name(), "Q");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
