package org.callout.signup.internal;

import java.util.function.Supplier;

import org.callout.consent.ConsentSource;
import org.callout.consent.ConsentTerms;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a signup: checks the client's limit, validates, then records the consent grant and queues a
 * confirmation email in one transaction. It answers the same way whether the address is new, pending,
 * confirmed or disowned, and the email goes out asynchronously, so neither the answer nor its timing tells
 * whether an address is known.
 */
@Service
class SignupService {

	private static final int ATTEMPTS = 5;

	private final SignupLimits limits;

	private final SignupValidator validator;

	private final ConsentTermsCatalog terms;

	private final SubscriberLists lists;

	private final SignupRecorder recorder;

	private final ConfirmationSender sender;

	private final TransactionTemplate transactions;

	SignupService(SignupLimits limits, SignupValidator validator, ConsentTermsCatalog terms, SubscriberLists lists,
			SignupRecorder recorder, ConfirmationSender sender, TransactionTemplate transactions) {
		this.limits = limits;
		this.validator = validator;
		this.terms = terms;
		this.lists = lists;
		this.recorder = recorder;
		this.sender = sender;
		this.transactions = transactions;
	}

	/**
	 * @throws SignupRejectedException when the signup is refused; nothing is stored then
	 */
	void signUp(SignupRequest request, ClientInfo client, ConsentSource source) {
		limits.check(client);
		if (request.website() != null && !request.website().isBlank()) {
			return; // The honeypot was filled: a bot. Answer as usual, store and send nothing.
		}
		SignupValidator.Result result = validator.validate(request);
		if (!result.valid()) {
			throw new SignupRejectedException.InvalidFields(result.problems());
		}
		ValidSignup signup = result.signup();
		ConsentTerms current = terms.current(signup.language());
		if (!current.versionId().equals(signup.termsVersion())) {
			throw new SignupRejectedException.OutdatedTerms(current);
		}
		SubscriberList list = lists.joinable(signup.listSlug()).orElseThrow(SignupRejectedException.NoSuchList::new);
		if (withRetries(() -> recorder.record(signup, list, current, client, source))) {
			sender.wakeUp();
		}
	}

	/** Concurrent first signups of one address may collide on its unique key; the loser simply tries again. */
	private boolean withRetries(Supplier<Boolean> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(transactions.execute(status -> work.get()));
			}
			catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
