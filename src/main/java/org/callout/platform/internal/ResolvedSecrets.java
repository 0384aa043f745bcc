package org.callout.platform.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The secrets in force, whether configured or generated; {@code generatedAdminTokenFile} is null when configured. */
record ResolvedSecrets(String adminToken, String linkKey, List<String> linkPreviousKeys, String addressHashKey,
		Path generatedAdminTokenFile) {

	List<String> all() {
		List<String> all = new ArrayList<>(List.of(adminToken, linkKey, addressHashKey));
		all.addAll(linkPreviousKeys);
		return all;
	}

	@Override
	public String toString() {
		return "ResolvedSecrets[masked]";
	}

}
