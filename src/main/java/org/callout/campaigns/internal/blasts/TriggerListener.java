package org.callout.campaigns.internal.blasts;

import org.callout.bills.BillStatusChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a bill's status change into blasts. The event comes through Spring Modulith's JDBC publication registry,
 * so a change recorded just before a crash is handled after the restart; a replay makes nothing new.
 */
@Component
class TriggerListener {

	private final TriggerStore triggers;

	private final BlastFactory factory;

	TriggerListener(TriggerStore triggers, BlastFactory factory) {
		this.triggers = triggers;
		this.factory = factory;
	}

	@ApplicationModuleListener
	void on(BillStatusChanged change) {
		for (Trigger trigger : triggers.ofBill(change.billId())) {
			if (trigger.firesOn(change.to())) {
				factory.fromTrigger(trigger.id(), change);
			}
		}
	}

}
