package org.callout.delivery.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.callout.campaigns.BlastEmails;
import org.callout.legislators.Legislators;
import org.callout.legislators.Representatives;
import org.callout.legislators.Seats;
import org.callout.platform.EmailAddress;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.stereotype.Component;

/** Turns a claimed delivery into the recipient its email is written for: the districts and language of the snapshot. */
@Component
class Recipients {

	private final Representatives representatives;

	private final Legislators legislators;

	private final SubscriberLists lists;

	private final SupportedLanguages languages;

	// Lists are few and their names rarely change; looked up once per list, not once per message.
	private final Map<Long, Optional<SubscriberList>> listCache = new ConcurrentHashMap<>();

	Recipients(Representatives representatives, Legislators legislators, SubscriberLists lists, SupportedLanguages languages) {
		this.representatives = representatives;
		this.legislators = legislators;
		this.lists = lists;
		this.languages = languages;
	}

	/**
	 * Who holds each seat now, for the recipients of the next chunks: two queries per message were a fifth of a
	 * blast's time. Read again once it is {@link #SEATS_MAX_AGE} old: reading the whole directory for every chunk
	 * was a fifth of the job thread's time between sends, and a change of who holds a seat (an import) reaches a
	 * running blast within seconds either way.
	 */
	Seats seats() {
		SeatsRead last = lastSeats;
		long now = System.nanoTime();
		if (last != null && now - last.atNanos() < SEATS_MAX_AGE.toNanos()) {
			return last.seats();
		}
		Seats seats = legislators.seats();
		lastSeats = new SeatsRead(seats, now);
		return seats;
	}

	static final Duration SEATS_MAX_AGE = Duration.ofSeconds(5);

	private record SeatsRead(Seats seats, long atNanos) {
	}

	private volatile SeatsRead lastSeats;

	/**
	 * @param listIds the blast's lists the recipient is still a confirmed member of
	 * @param seats from {@link #seats()}
	 */
	BlastEmails.Recipient of(Delivery delivery, List<Long> listIds, Seats seats) {
		List<SubscriberList> on = listIds.stream()
			.map(id -> listCache.computeIfAbsent(id, lists::byId))
			.flatMap(Optional::stream)
			.toList();
		return new BlastEmails.Recipient(delivery.subscriberId(), EmailAddress.parse(delivery.address()), delivery.firstName(),
				delivery.zip(), languages.orDefault(delivery.language()),
				representatives.fromStored(delivery.subscriberId(), delivery.districts(), seats), on);
	}

}
