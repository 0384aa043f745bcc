package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.callout.bills.BillStatusChanged;
import org.callout.bills.Bills;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.platform.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes blasts: one per trigger and alert when a bill's status changes, or one by hand as a draft. */
@Service
class BlastFactory {

	private static final Logger log = LoggerFactory.getLogger(BlastFactory.class);

	private final BlastStore blasts;

	private final TriggerStore triggers;

	private final CampaignTemplates templates;

	private final CampaignsProperties properties;

	private final Bills bills;

	private final Clock clock;

	private final DueBlasts due;

	BlastFactory(BlastStore blasts, TriggerStore triggers, CampaignTemplates templates, CampaignsProperties properties,
			Bills bills, Clock clock, DueBlasts due) {
		this.due = due;
		this.bills = bills;
		this.blasts = blasts;
		this.triggers = triggers;
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The trigger's blast for this change, unless the trigger does not fire on it, made one for this change already
	 * (a replay), or made one for the same bill and status within its send-by window (the other print's report of
	 * the same change). Send-by and the start count from when Callout recorded the change, not the action date.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public Optional<Long> fromTrigger(long triggerId, BillStatusChanged change) {
		Optional<Trigger> locked = triggers.lock(triggerId);
		if (locked.isEmpty() || !locked.get().firesOn(change.to()) || locked.get().billId() != change.billId()) {
			return Optional.empty();
		}
		Trigger trigger = locked.get();
		Instant recorded = change.recordedAt() == null ? clock.instant() : change.recordedAt();
		if (blasts.madeFrom(triggerId, change.historyId())
				|| blasts.alertExists(triggerId, change.billId(), change.to(), recorded.minus(trigger.sendBy()))) {
			return Optional.empty();
		}
		Optional<TemplateVersion> pinned = templates.pin(trigger.templateName());
		if (pinned.isEmpty()) {
			log.warn("Trigger {} fired on {} {}, but its template '{}' no longer exists: no blast was made", triggerId,
					change.printNo(), change.to(), trigger.templateName());
			return Optional.empty();
		}
		TemplateVersion template = pinned.get();
		if (!templates.problems(template).isEmpty()) {
			log.error("Trigger {} fired on {} {}, but its template '{}' (a file edited by hand) has mistakes: no blast was "
					+ "made; fix it and preview it: {}", triggerId, change.printNo(), change.to(), template.name(),
					templates.problems(template));
			return Optional.empty();
		}
		Instant start = recorded.plus(trigger.delay());
		if (trigger.quietHours()) {
			start = properties.quietHours().nextStart(start);
		}
		Instant now = clock.instant();
		BlastState state = trigger.needsApproval() ? BlastState.AWAITING_APPROVAL : BlastState.SCHEDULED;
		long id = blasts.insert(new Blast(0, triggerId, change.billId(), change.historyId(), change.from(), change.to(),
				template.name(), template.version(), trigger.audience(), trigger.ask(), trigger.quietHours(), state, start,
				properties.quietHours().zone().getId(), recorded.plus(trigger.sendBy()), recorded, null, "trigger:" + triggerId,
				now, now, change.actsNext()));
		blasts.recordChange(id, null, state, "trigger:" + triggerId, change.printNo() + " " + change.to(), now);
		log.info("Trigger {} made blast {} ({}) for {} {}", triggerId, id, state, change.printNo(), change.to());
		if (state == BlastState.SCHEDULED) {
			// An alert with no delay outside quiet hours is due now: on the queue in this transaction, not at the
			// scheduler's next pass up to an interval later.
			due.readyIfDue(id, "due when made");
		}
		return Optional.of(id);
	}

	/** A draft made by hand, keeping the template's current version. */
	@Transactional
	public long draft(BlastDraft draft, String by) {
		TemplateVersion template = templates.pin(draft.templateName())
			.orElseThrow(() -> RequestRefusedException.invalidField("Invalid blast", "template",
					"There is no campaign template '" + draft.templateName() + "'."));
		if (!templates.problems(template).isEmpty()) {
			throw RequestRefusedException.of(org.springframework.http.HttpStatus.CONFLICT, "Template has mistakes",
					"The template '" + template.name() + "' cannot be sent until its mistakes are fixed.")
				.with("problems", templates.problems(template));
		}
		Instant now = clock.instant();
		long id = blasts.insert(new Blast(0, null, draft.billId(), null, null, null, template.name(), template.version(),
				draft.audience(), draft.ask(), draft.quietHours(), BlastState.DRAFT, draft.startAt(), draft.zone(),
				draft.sendBy(), null, null, by, now, now,
				draft.billId() == null ? null : bills.find(draft.billId()).map(TrackedBill::actsNext).orElse(null)));
		blasts.recordChange(id, null, BlastState.DRAFT, by, null, now);
		return id;
	}

	/**
	 * A blast as an organizer writes it.
	 *
	 * @param startAt when it may start, or null: as soon as it is submitted
	 * @param sendBy after this it expires unstarted, or null
	 */
	record BlastDraft(String templateName, Long billId, Audience audience, String ask, boolean quietHours, Instant startAt,
			String zone, Instant sendBy) {
	}

}
