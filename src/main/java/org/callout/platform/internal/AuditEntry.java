package org.callout.platform.internal;

import java.time.Instant;

/** One row of the audit log, as stored and as the API answers it (before and after are JSON text). */
record AuditEntry(long id, Instant occurredAt, String actor, String channel, String clientIp, String action,
		String target, String outcome, String before, String after, String detail) {

	static final String OK = "ok";

	static final String REFUSED = "refused";

}
