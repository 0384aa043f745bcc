package org.callout.subscribers.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.callout.platform.AuditLog;
import org.callout.subscribers.SubscriberList;

/** A list's rules and its audit summary, shared by the API and the console so both refuse and record alike. */
public final class ListRules {

	public static final int MAX_NAME = 200;

	public static final int MAX_DESCRIPTION = 2000;

	private ListRules() {
	}

	public static boolean validName(String name) {
		return name != null && !name.isBlank() && name.length() <= MAX_NAME;
	}

	public static boolean validDescription(String description) {
		return description == null || description.length() <= MAX_DESCRIPTION;
	}

	/** A blank description is none. */
	public static String description(String description) {
		return description == null || description.isBlank() ? null : description.strip();
	}

	/** What the audit log keeps of a list: never its whole description. */
	public static Map<String, Object> summary(SubscriberList list) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("name", list.name());
		summary.put("isPublic", list.isPublic());
		summary.put("description", list.description() == null ? null : AuditLog.fingerprint(list.description()));
		return summary;
	}

}
