package org.callout.legislators;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an answer about districts came from. */
public enum AnswerSource {

	GEOCODER("geocoder"), ZIP("zip"), ORGANIZER("organizer");

	private final String code;

	AnswerSource(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static AnswerSource of(String code) {
		for (AnswerSource source : values()) {
			if (source.code.equals(code)) {
				return source;
			}
		}
		throw new IllegalArgumentException("No source " + code);
	}

}
