package org.callout.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for logs: email addresses keep their first character and domain, IP addresses keep
 * their network half, link tokens and PEM private keys are blanked. Logs must never hold a whole address or IP; the log layout applies this to every line
 * as a safety net, and code can call it to log a recognizable but partial value on purpose.
 */
public final class Masking {

	private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*)");

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}(?![\\d.]|\\.\\d)");

	// Full addresses have eight groups or a "::"; clock times such as 03:35:12 have neither.
	private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])((?:[0-9A-Fa-f]{1,4}:){2})(?:[0-9A-Fa-f]{0,4}:){1,6}[0-9A-Fa-f]{0,4}(?![\\w:])");

	// Signed link tokens are capabilities (they confirm or stop a subscription): a URL in a log keeps its shape only.
	private static final Pattern TOKEN = Pattern.compile("(token=)[A-Za-z0-9_.%-]{8,}");

	// The unsubscribe link carries its token in the path (/u/<token>), which request logs print whole.
	private static final Pattern PATH_TOKEN = Pattern.compile("(/u/)[A-Za-z0-9_.%-]{8,}");

	// Message-IDs look like addresses (<id@domain>) but identify a message, not a person, and operators need them
	// whole to follow one through relay logs. Callout mints them from UUIDs or other hex-and-punctuation tokens.
	private static final Pattern MESSAGE_ID_LOCAL = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}|[0-9A-Fa-f.-]{20,}");

	// A PEM private key (the DKIM key) is a secret whole: should an error ever quote one, its armour and body go
	// (base64, PEM headers, real or escaped line breaks), and the text around it stays. Possessive: a 2 KB key
	// would otherwise overflow the stack, one regex frame per character.
	private static final Pattern PRIVATE_KEY = Pattern.compile(
			"-----BEGIN ([A-Z ]*)PRIVATE KEY-----(?:[A-Za-z0-9+/=:,\\s]++|\\\\n|-(?!----))*+(?:-----END \\1PRIVATE KEY-----)?");

	private Masking() {
	}

	public static String email(String address) {
		return address == null ? null : EMAIL.matcher(address).replaceAll("$1***@$2");
	}

	public static String ip(String ip) {
		return ip == null ? null : maskIps(ip);
	}

	/** Masks every address and IP found in free text. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		// The key goes first: its base64 may hold "/u/" or "token=", whose masks would cut it where its pattern
		// then stops, leaving the rest of the key in the log (a random key in CI did exactly that).
		String masked = text.contains("PRIVATE KEY-----") ? PRIVATE_KEY.matcher(text).replaceAll("[private key]") : text;
		masked = masked.indexOf('@') >= 0 ? maskEmails(masked) : masked;
		masked = masked.contains("token=") ? TOKEN.matcher(masked).replaceAll("$1***") : masked;
		masked = masked.contains("/u/") ? PATH_TOKEN.matcher(masked).replaceAll("$1***") : masked;
		return maskIps(masked);
	}

	private static String maskEmails(String text) {
		return EMAIL.matcher(text).replaceAll(match -> {
			String address = match.group();
			String local = address.substring(0, address.lastIndexOf('@'));
			boolean messageId = match.start() > 0 && text.charAt(match.start() - 1) == '<'
					&& MESSAGE_ID_LOCAL.matcher(local).matches();
			return Matcher.quoteReplacement(messageId ? address : match.group(1) + "***@" + match.group(2));
		});
	}

	private static String maskIps(String text) {
		String masked = IPV4.matcher(text).replaceAll("$1.$2.x.x");
		if (masked.indexOf(':') < 0) {
			return masked;
		}
		Matcher matcher = IPV6.matcher(masked);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String candidate = matcher.group();
			boolean address = candidate.contains("::") || candidate.chars().filter(c -> c == ':').count() == 7;
			matcher.appendReplacement(out, Matcher.quoteReplacement(address ? matcher.group(1) + "x:x" : candidate));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
