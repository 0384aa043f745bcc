package org.callout.subscribers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.TypedText;
import org.callout.subscribers.internal.EmailHashBackfill;
import org.callout.subscribers.internal.SuppressionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: addresses nothing may be sent to, such as one the relay answered "no such user".
 * Addresses are kept as their keyed hash only, so a suppression outlives the subscriber's erasure and matches
 * the address again if it is ever re-imported. A set-wise snapshot leaves suppressed people out in SQL with
 * {@link #NOT_SUPPRESSED}. Every method joins the caller's transaction when there is one, and runs in its own
 * otherwise.
 */
@Service
public class Suppressions {

	/** The relay answered that the mailbox does not exist (5.1.1, 5.1.10). */
	public static final String NO_SUCH_USER = "no-such-user";

	/** An organizer suppressed it by hand. */
	public static final String ORGANIZER = "organizer";

	/**
	 * The person was erased at their request: nothing may reach the address again until they sign up and confirm
	 * on their own (see {@link Suppression#yieldsToOwnSignup()}).
	 */
	public static final String ERASED = "erased";

	/** The source of an organizer's suppression through the API. */
	public static final String API = "api";

	/**
	 * The condition that leaves suppressed subscribers out of a query over {@code subscribers s}. It relies on
	 * {@code subscribers.email_hash}, set on every insert and filled at start-up for older rows (see {@link #ready()}).
	 */
	public static final String NOT_SUPPRESSED = "NOT EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash)";

	public static final int MAX_DETAIL = 500;

	private static final Pattern REASON = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9:._-]*");

	private static final int MAX_CODE = 40;

	private static final Logger log = LoggerFactory.getLogger(Suppressions.class);

	private final SuppressionStore store;

	private final AddressHasher hasher;

	private final EmailHashBackfill backfill;

	private final Clock clock;

	private final ConsentLedger ledger;

	Suppressions(SuppressionStore store, AddressHasher hasher, EmailHashBackfill backfill, Clock clock, ConsentLedger ledger) {
		this.ledger = ledger;
		this.store = store;
		this.hasher = hasher;
		this.backfill = backfill;
		this.clock = clock;
	}

	/**
	 * Suppresses an address, unless it is already: the first suppression is kept, with its reason, detail and time.
	 *
	 * @param reason a code of lower-case letters, digits and single hyphens, at most 40 ({@link #NO_SUCH_USER})
	 * @param detail free text, such as the relay's reply: line breaks and control characters become spaces, it is
	 *        cut to 500 characters, and a blank one is stored as none
	 * @param source lower-case letters, digits and {@code : . _ -}, at most 40 ({@link #API}, {@code blast:42})
	 * @return whether the address was suppressed now (false: it was already)
	 * @throws IllegalArgumentException for a reason or source not of that form
	 */
	@Transactional
	public boolean suppress(EmailAddress address, String reason, String detail, String source) {
		checkCode("reason", reason, REASON);
		checkCode("source", source, SOURCE);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean added = store.insertIfAbsent(hash(address), reason, oneLine(detail), source, now);
		if (added) {
			log.info("Suppressed {} ({}, from {})", address, reason, source);
		}
		return added;
	}

	public boolean isSuppressed(EmailAddress address) {
		return store.exists(hash(address));
	}

	/**
	 * Whether this keyed hash (the platform's {@code AddressHasher} over the lower-cased address) is suppressed, for
	 * callers that hold the hash rather than the address, such as an import matching rows against the list.
	 */
	public boolean isSuppressedHash(String addressHash) {
		return store.exists(addressHash);
	}

	public Optional<Suppression> find(EmailAddress address) {
		return store.find(hash(address));
	}

	/**
	 * Lifts a suppression, for an organizer who found it wrong; later sends reach the address again.
	 *
	 * @return whether there was one
	 */
	@Transactional
	public boolean lift(EmailAddress address) {
		String hash = hash(address);
		// An erasure's suppression, or any suppression the erasure kept, is the person's own "never again": an
		// organizer lifting it would let the next import or blast reach someone who asked to be forgotten.
		if (store.find(hash).map(s -> ERASED.equals(s.reason())).orElse(false) || ledger.erasedSinceConfirmed(hash)) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Erased address",
					"This address was erased at its owner's request: only their own new signup and confirmation lifts the suppression.");
		}
		boolean lifted = store.delete(hash);
		if (lifted) {
			log.info("Suppression of {} lifted", address);
		}
		return lifted;
	}

	/**
	 * Whether this instance's start-up backfill of {@code subscribers.email_hash} has finished, so that
	 * {@link #NOT_SUPPRESSED} sees every subscriber. It runs before the web server and the schedulers start (see
	 * {@code EmailHashBackfill}): a sender started by them always sees true; one started earlier, such as a
	 * listener of an event republished at start-up, should wait for it.
	 */
	public boolean ready() {
		return backfill.done();
	}

	private String hash(EmailAddress address) {
		return hasher.hash(address.matchKey());
	}

	/** One line that fits the column on both databases (500 UTF-16 units, never half a surrogate pair). */
	static String oneLine(String detail) {
		String text = TypedText.clean(detail);
		if (text == null || text.length() <= MAX_DETAIL) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
		return text.substring(0, end).strip();
	}

	private static void checkCode(String name, String code, Pattern pattern) {
		if (code == null || code.length() > MAX_CODE || !pattern.matcher(code).matches()) {
			// The value is not echoed: it may be anything, and this message may reach a log.
			throw new IllegalArgumentException("A suppression's " + name + " must be a short code (see Suppressions#suppress)");
		}
	}

}
