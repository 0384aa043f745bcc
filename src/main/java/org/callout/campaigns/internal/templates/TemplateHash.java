package org.callout.campaigns.internal.templates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/** The SHA-256 of a template's words: pinning an unchanged file default finds the copy stored before by it. */
final class TemplateHash {

	private TemplateHash() {
	}

	static String of(Map<String, Parts> languages) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			new TreeMap<>(languages).forEach((language, parts) -> {
				// Length-prefixed, so no two different templates concatenate to the same bytes.
				for (String value : List.of(language, parts.text(), parts.html())) {
					byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
					digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
					digest.update(bytes);
				}
			});
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
