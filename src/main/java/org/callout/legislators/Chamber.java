package org.callout.legislators;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A house of the legislature, named as OpenStates names it. */
public enum Chamber {

	/** The State Senate. */
	UPPER("upper"),
	/** The State Assembly. */
	LOWER("lower");

	private final String code;

	Chamber(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	/** The chamber a code names ({@code upper}, {@code lower}, also {@code senate}, {@code assembly}). */
	public static Optional<Chamber> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return switch (code.strip().toLowerCase(Locale.ROOT)) {
			case "upper", "senate" -> Optional.of(UPPER);
			case "lower", "assembly" -> Optional.of(LOWER);
			default -> Optional.empty();
		};
	}

}
