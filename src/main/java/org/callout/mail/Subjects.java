package org.callout.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeUtility;

/**
 * A Subject header's value as {@code MimeMessage.setSubject} makes it (RFC 2047 words, folded), remembered for the
 * last subject: a blast's messages mostly share one, and folding a long one took a reader and a buffer each time.
 */
final class Subjects {

	// Subject and value, read and replaced as one, so concurrent senders never see a subject beside another's value.
	private record Last(String subject, String header) {
	}

	private volatile Last last = new Last("", "");

	String header(String subject) throws UnsupportedEncodingException {
		Last seen = last;
		if (seen.subject().equals(subject)) {
			return seen.header();
		}
		String header = fold(MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
		last = new Last(subject, header);
		return header;
	}

	/**
	 * {@code MimeUtility.fold(9, value)} for a value with no line break in it (the composer removed them): lines of
	 * at most 76 characters after "Subject: ", broken before a space or tab that follows a non-blank. Fold then
	 * re-reads its own result through a reader and a buffer, to drop blank lines and start each new line with white
	 * space. Its breaks already start with white space, and only a value that starts with white space can make a
	 * blank line (the composer strips subjects): that one is left to fold. A test holds the two together.
	 */
	static String fold(String value) {
		if (value.isEmpty() || Character.isWhitespace(value.charAt(0))) {
			return MimeUtility.fold(9, value);
		}
		int end = value.length();
		while (end > 0 && " \t\r\n".indexOf(value.charAt(end - 1)) >= 0) {
			end--;
		}
		String s = value.substring(0, end);
		int used = 9;
		if (used + s.length() <= 76) {
			return s;
		}
		StringBuilder folded = new StringBuilder(s.length() + 8);
		char last = 0;
		while (used + s.length() > 76) {
			int space = -1;
			for (int i = 0; i < s.length(); i++) {
				if (space != -1 && used + i > 76) {
					break;
				}
				char c = s.charAt(i);
				if ((c == ' ' || c == '\t') && !(last == ' ' || last == '\t')) {
					space = i;
				}
				last = c;
			}
			if (space == -1) {
				break; // no place to break: the rest stays on one line
			}
			folded.append(s, 0, space).append("\r\n");
			last = s.charAt(space);
			folded.append(last);
			s = s.substring(space + 1);
			used = 1;
		}
		return folded.append(s).toString();
	}

}
