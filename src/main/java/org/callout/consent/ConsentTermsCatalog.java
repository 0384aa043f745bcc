package org.callout.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.callout.consent.internal.ConsentTermsStore;
import org.callout.platform.CalloutProperties;

import org.springframework.stereotype.Service;

/**
 * The current consent terms per language, built from configuration and stored once per version, so what a
 * form shows is exactly what a signup records.
 */
@Service
public class ConsentTermsCatalog {

	private final Map<String, String> texts;

	private final CalloutProperties.Organization organization;

	private final ConsentTermsStore store;

	private final Map<String, ConsentTerms> current = new ConcurrentHashMap<>();

	ConsentTermsCatalog(ConsentProperties consent, CalloutProperties callout, ConsentTermsStore store) {
		this.texts = consent.texts();
		this.organization = callout.organization();
		this.store = store;
	}

	/** Whether consent words exist in this language (a language without them cannot take signups). */
	public boolean speaks(String language) {
		return texts.containsKey(language);
	}

	/** The current terms in a language that {@link #speaks(String) has words}; stored on first use. */
	public ConsentTerms current(String language) {
		if (!speaks(language)) {
			throw new IllegalArgumentException("No consent text configured for language " + language);
		}
		return current.computeIfAbsent(language, lang -> store.storeOnce(build(lang)));
	}

	public Optional<ConsentTerms> find(String versionId) {
		if (versionId == null || versionId.length() != 64) {
			return Optional.empty();
		}
		return store.find(versionId);
	}

	private ConsentTerms build(String language) {
		String text = texts.get(language).replace("{organization}", organization.name());
		String url = organization.privacyPolicyUrl().toString();
		String version = organization.privacyPolicyVersion();
		String id = sha256(String.join("\u0000", language, text, url, version));
		return new ConsentTerms(id, language, text, organization.privacyPolicyUrl(), version);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
