package org.callout.platform.internal;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.ClientAddresses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Fills in who, when and from where for each entry a module records, from the current request and security
 * context, and writes it through {@link AuditStore} in the caller's transaction: an entry written outside the
 * action's transaction could say "approved" for an approval that then rolled back, or vanish for one that
 * committed.
 */
@Component
class RecordingAuditLog implements AuditLog {

	/** Set on a request that wrote an entry, so a page's refusal is recorded once, by whoever saw it first. */
	static final String RECORDED = "callout.audit.recorded";

	private final AuditStore store;

	private final Clock clock;

	private final ClientAddresses addresses;

	private final CurrentActor actors;

	private final JsonMapper json;

	RecordingAuditLog(AuditStore store, Clock clock, ClientAddresses addresses, CurrentActor actors, JsonMapper json) {
		this.store = store;
		this.clock = clock;
		this.addresses = addresses;
		this.actors = actors;
		this.json = json;
	}

	@Override
	public void record(String action, String target, Map<String, ?> before, Map<String, ?> after) {
		write(action, target, AuditEntry.OK, before, after, null);
	}

	@Override
	public void refused(String action, String target, String detail) {
		write(action, target, AuditEntry.REFUSED, null, null, detail);
	}

	/**
	 * A request the security chain refused: by nobody known (a wrong or missing token), or by an account whose role
	 * does not allow it.
	 */
	void refusedRequest(HttpServletRequest request, String detail) {
		store.insert(new AuditEntry(0, clock.instant(), actors.name(request), actors.channel(request),
				addresses.of(request), "refused", request.getMethod() + " " + request.getRequestURI(), AuditEntry.REFUSED,
				null, null, detail));
	}

	private void write(String action, String target, String outcome, Map<String, ?> before, Map<String, ?> after,
			String detail) {
		HttpServletRequest request = currentRequest();
		if (request != null) {
			request.setAttribute(RECORDED, Boolean.TRUE);
		}
		store.insert(new AuditEntry(0, clock.instant(), actors.name(request), actors.channel(request),
				request == null ? null : addresses.of(request), action, target, outcome, text(before), text(after), detail));
	}

	private String text(Map<String, ?> state) {
		return state == null ? null : json.writeValueAsString(state);
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
