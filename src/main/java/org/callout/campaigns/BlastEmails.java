package org.callout.campaigns;

import java.util.List;
import java.util.Optional;

import org.callout.legislators.Representation;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.SubscriberList;

/**
 * A blast's emails, made exactly as its preview: the version of the template it keeps, its bill, status change and
 * ask. {@link #prepare} reads all that once; each recipient's email is then only a render.
 */
public interface BlastEmails {

	/** @throws IllegalArgumentException for no such blast */
	Prepared prepare(long blastId);

	/** One blast's emails, ready to make; safe to use from many threads. */
	interface Prepared {

		/**
		 * One recipient's email, with a new Message-ID.
		 *
		 * @throws RuntimeException when the template cannot be rendered for this recipient
		 */
		OutgoingEmail email(Recipient recipient);

	}

	/**
	 * Who gets one email.
	 *
	 * @param subscriberId the subscriber
	 * @param address where it goes
	 * @param firstName as typed, or null
	 * @param zip as typed, or null
	 * @param language the language to write in
	 * @param representation who represents them, as fixed when the blast started; empty when not known
	 * @param lists the audience's lists the subscriber is a confirmed member of (the unsubscribe link leaves them)
	 */
	record Recipient(long subscriberId, EmailAddress address, String firstName, String zip, String language,
			Optional<Representation> representation, List<SubscriberList> lists) {
	}

}
