package org.callout.legislators.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.callout.legislators.AnswerSource;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.callout.platform.TypedText;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works out who represents a subscriber and stores it. An unchanged ZIP and street (same fingerprint) is not
 * looked up again unless forced; organizer-set districts win over any lookup; a failed geocoder leaves the
 * ZIP table's answer and a retry time that backs off after each failure. No transaction is open during the
 * lookup itself: a slow geocoder must not hold database connections that signups need.
 */
@Service
public class RepresentationUpdater {

	/** What a refresh did. */
	public enum Outcome {

		LOOKED_UP, UNCHANGED, NO_SUCH_SUBSCRIBER

	}

	private final Subscribers subscribers;

	private final RepresentationStore store;

	private final OrganizerDistrictStore organizer;

	private final DistrictLookup lookup;

	private final LegislatorsProperties.Geocoder geocoder;

	private final Clock clock;

	private final TransactionTemplate transaction;

	RepresentationUpdater(Subscribers subscribers, RepresentationStore store, OrganizerDistrictStore organizer,
			DistrictLookup lookup, LegislatorsProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.subscribers = subscribers;
		this.store = store;
		this.organizer = organizer;
		this.lookup = lookup;
		this.geocoder = properties.geocoder();
		this.clock = clock;
	}

	public Outcome refresh(long subscriberId, boolean force) {
		Optional<Subscriber> found = subscribers.byId(subscriberId);
		if (found.isEmpty()) {
			return Outcome.NO_SUCH_SUBSCRIBER;
		}
		Subscriber subscriber = found.get();
		String zip = Zips.five(subscriber.zip()).orElse(null);
		String street = TypedText.clean(subscriber.streetAddress());
		String fingerprint = fingerprint(zip, street);
		Optional<RepresentationStore.Row> before = store.find(subscriberId);
		if (!force && before.isPresent() && before.get().fingerprint().equals(fingerprint)) {
			return Outcome.UNCHANGED;
		}
		Instant now = clock.instant();
		Optional<OrganizerDistrictStore.Set> set = organizer.find(subscriberId);
		if (set.isPresent()) {
			save(subscriberId, organizerAnswer(set.get()), fingerprint, now, 0, null);
			return Outcome.LOOKED_UP;
		}
		if (zip == null) {
			DistrictAnswer none = new DistrictAnswer(AnswerSource.ZIP, ChamberAnswer.none(Confidence.UNKNOWN),
					ChamberAnswer.none(Confidence.UNKNOWN), "no valid ZIP code");
			save(subscriberId, none, fingerprint, now, 0, null);
			return Outcome.LOOKED_UP;
		}
		DistrictLookup.Outcome outcome = lookup.find(zip, street);
		int attempts = outcome.retry() ? before.map(RepresentationStore.Row::attempts).orElse(0) + 1 : 0;
		Instant retryAt = outcome.retry() ? now.plus(backoff(attempts)) : null;
		boolean saved = Boolean.TRUE.equals(transaction.execute(tx -> {
			// The lookup took a while with no lock held: store its answer only if it is still the answer to the
			// subscriber's ZIP and street (a correction meanwhile starts a lookup of its own) and no organizer has
			// set the districts since (theirs always win).
			boolean current = subscribers.byId(subscriberId)
				.map(s -> fingerprint(Zips.five(s.zip()).orElse(null), TypedText.clean(s.streetAddress())).equals(fingerprint))
				.orElse(false);
			if (!current || organizer.find(subscriberId).isPresent()) {
				return false;
			}
			store.save(subscriberId, outcome.answer(), fingerprint, now, attempts, retryAt);
			return true;
		}));
		return saved ? Outcome.LOOKED_UP : Outcome.UNCHANGED;
	}

	private void save(long subscriberId, DistrictAnswer answer, String fingerprint, Instant now, int attempts, Instant retryAt) {
		transaction.executeWithoutResult(tx -> store.save(subscriberId, answer, fingerprint, now, attempts, retryAt));
	}

	/** Doubles from the first wait up to the longest. */
	Duration backoff(int attempts) {
		Duration wait = geocoder.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(geocoder.maxRetryBackoff()) > 0 ? geocoder.maxRetryBackoff() : wait;
	}

	static DistrictAnswer organizerAnswer(OrganizerDistrictStore.Set set) {
		return new DistrictAnswer(AnswerSource.ORGANIZER,
				set.senate() == null ? ChamberAnswer.none(Confidence.UNKNOWN) : ChamberAnswer.exact(set.senate()),
				set.assembly() == null ? ChamberAnswer.none(Confidence.UNKNOWN) : ChamberAnswer.exact(set.assembly()), null);
	}

	/** A hash of what a lookup reads, so the stored row does not repeat a person's address. */
	static String fingerprint(String zip, String street) {
		String input = (zip == null ? "" : zip) + "\n" + (street == null ? "" : street.toLowerCase(Locale.ROOT));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
