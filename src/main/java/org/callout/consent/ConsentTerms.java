package org.callout.consent;

import java.net.URI;

/**
 * One version of the consent words in one language.
 *
 * @param versionId SHA-256 of language, text, privacy URL and policy version together
 * @param language the language tag
 * @param text the exact words shown
 * @param privacyPolicyUrl the policy the words refer to
 * @param privacyPolicyVersion that policy's version
 */
public record ConsentTerms(String versionId, String language, String text, URI privacyPolicyUrl,
		String privacyPolicyVersion) {
}
