package org.callout.platform.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completed event publications are the outbox's receipts: kept for a week, for whoever asks what a listener did,
 * then deleted. Unpurged, the table grows by a row per listener per event for ever (every confirmation, every
 * blast's wake-ups), and the registry's queries for incomplete ones read past them. Incomplete publications are
 * never touched: they are work still to be done.
 */
@Component
class EventPublicationPurge {

	static final Duration KEPT = Duration.ofDays(7);

	private final CompletedEventPublications completed;

	EventPublicationPurge(CompletedEventPublications completed) {
		this.completed = completed;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "event-publication-purge", lockAtMostFor = "PT30M")
	void purge() {
		completed.deletePublicationsOlderThan(KEPT);
	}

}
