package org.callout.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text a person typed (names, street addresses), made safe to store, compare and print the same way on
 * every database: NFC-normalized; control characters and line separators become spaces; format characters
 * (zero-width spaces, bidirectional overrides such as U+202E, which can make a name read
 * backwards in an organizer's list) and unpaired surrogates (H2 keeps them, PostgreSQL turns them into
 * {@code ?}) are removed. Lengths are counted in code points, so an emoji counts once.
 */
public final class TypedText {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

	// \p{Cf}: format characters (U+200B, U+200E/F, U+202A..U+202E, U+2060..U+2064, U+FEFF...); \p{Cs}: a surrogate
	// left alone, which after a pair is matched as one code point can only be unpaired. The zero-width joiner and
	// non-joiner are kept between letters: Persian names and emoji sequences need them.
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cs}[\\p{Cf}&&[^\\u200C\\u200D]]]+");

	private static final Pattern STRAY_JOINERS = Pattern.compile("^[\\u200C\\u200D]+|[\\u200C\\u200D]+$|(?<=\\s)[\\u200C\\u200D]+|[\\u200C\\u200D]+(?=\\s)");

	private static final Pattern SPACES = Pattern.compile("\\s{2,}");

	private TypedText() {
	}

	/** The cleaned text, or null when nothing visible is left. */
	public static String clean(String raw) {
		if (raw == null) {
			return null;
		}
		String text = INVISIBLE.matcher(raw).replaceAll("");
		text = CONTROL.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ");
		text = STRAY_JOINERS.matcher(text.strip()).replaceAll("");
		text = SPACES.matcher(text).replaceAll(" ").strip();
		return text.isEmpty() ? null : text;
	}

	/** The length a person would count: code points, not UTF-16 units. */
	public static int length(String text) {
		return text == null ? 0 : text.codePointCount(0, text.length());
	}

}
