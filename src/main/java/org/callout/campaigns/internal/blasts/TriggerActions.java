package org.callout.campaigns.internal.blasts;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.Bills;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing triggers with their audit entry, for the API and the console alike: the checks are
 * {@link TriggerRequest}'s, refused whole with every bad field named.
 */
@Service
public class TriggerActions {

	private final TriggerStore store;

	private final TriggerRequest.Known known;

	private final Clock clock;

	private final AuditLog audit;

	TriggerActions(TriggerStore store, Bills bills, CampaignTemplates templates, SubscriberLists lists,
			CampaignsProperties properties, Clock clock, AuditLog audit) {
		this.store = store;
		this.known = new TriggerRequest.Known(bills, templates, lists, properties.sendBy(), properties.defaultTemplate());
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * A trigger as a console form gives it; the audience narrowing the API offers (chamber, districts) is not on the
	 * form, so an edit keeps what the trigger had.
	 */
	public record Fields(Long billId, List<String> statuses, String template, List<String> lists, String mode,
			String delay, String sendBy, Boolean quietHours, String ask, Boolean enabled) {
	}

	public List<Trigger> all() {
		return store.all();
	}

	public Optional<Trigger> find(long id) {
		return store.find(id);
	}

	public String defaultTemplate() {
		return known.defaultTemplate();
	}

	public java.time.Duration defaultSendBy() {
		return known.defaultSendBy();
	}

	/** {@code trigger.create}; answers the new trigger's id. */
	@Transactional
	public long create(Fields fields, Principal by) {
		return create(request(fields, null), by);
	}

	@Transactional
	long create(TriggerRequest request, Principal by) {
		Trigger trigger = request.check(0, known, BlastsController.author(by), clock.instant());
		long id = store.insert(trigger);
		audit.record("trigger.create", "trigger:" + id, summary(trigger));
		return id;
	}

	/** {@code trigger.edit}. */
	@Transactional
	public void update(long id, Fields fields) {
		Trigger existing = store.find(id).orElseThrow(() -> notFound(id));
		update(id, request(fields, existing.audience()));
	}

	@Transactional
	void update(long id, TriggerRequest request) {
		Trigger existing = store.lock(id).orElseThrow(() -> notFound(id));
		Trigger changed = request.check(id, known, existing.createdBy(), clock.instant(), existing.enabled());
		store.update(changed);
		audit.record("trigger.edit", "trigger:" + id, summary(existing), summary(changed));
	}

	private static TriggerRequest request(Fields f, Audience kept) {
		return new TriggerRequest(f.billId(), f.statuses(), f.template(), f.lists(), kept != null && kept.knownOnly(),
				kept == null ? null : kept.chamber(), kept == null ? null : kept.districts(), f.mode(), f.delay(), f.sendBy(),
				f.quietHours(), f.ask(), f.enabled());
	}

	/** What an organizer reads a trigger by, short enough for the audit log. */
	private static Map<String, Object> summary(Trigger trigger) {
		Map<String, Object> summary = new java.util.LinkedHashMap<>();
		summary.put("billId", trigger.billId());
		summary.put("statuses", trigger.statuses().stream().map(Enum::name).sorted().toList());
		summary.put("template", trigger.templateName());
		summary.put("needsApproval", trigger.needsApproval());
		summary.put("enabled", trigger.enabled());
		return summary;
	}

	static RequestRefusedException notFound(long id) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such trigger", "There is no trigger " + id + ".");
	}

}
