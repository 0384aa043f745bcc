package org.callout.platform.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets in force, so the log layout can blank them out should one ever reach a log line. Static
 * because logback converters are created by logback, outside the Spring context.
 */
final class SensitiveValues {

	private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

	private SensitiveValues() {
	}

	static void register(String secret) {
		if (secret != null && secret.length() >= SecretResolver.MINIMUM_LENGTH) {
			VALUES.add(secret);
		}
	}

	static String redact(String text) {
		String redacted = text;
		for (String secret : VALUES) {
			if (redacted.contains(secret)) {
				redacted = redacted.replace(secret, "[secret]");
			}
		}
		return redacted;
	}

}
