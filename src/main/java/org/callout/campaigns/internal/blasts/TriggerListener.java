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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TriggerListener.class);

	private final TriggerStore triggers;

	private final BlastFactory factory;

	TriggerListener(TriggerStore triggers, BlastFactory factory) {
		this.triggers = triggers;
		this.factory = factory;
	}

	/**
	 * Each trigger in a transaction of its own, so one that fails does not stop the others; the failure is then
	 * thrown, leaving the event incomplete in the registry to be tried again (the others make nothing new then).
	 */
	@ApplicationModuleListener
	void on(BillStatusChanged change) {
		RuntimeException failed = null;
		for (Trigger trigger : triggers.ofBill(change.billId())) {
			if (trigger.firesOn(change.to())) {
				try {
					factory.fromTrigger(trigger.id(), change);
				}
				catch (RuntimeException ex) {
					log.error("Trigger {} could not make its blast for {} {}", trigger.id(), change.printNo(), change.to(), ex);
					failed = failed == null ? ex : failed;
				}
			}
		}
		if (failed != null) {
			throw failed;
		}
	}

}
