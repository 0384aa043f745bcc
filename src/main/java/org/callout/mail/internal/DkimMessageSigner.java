package org.callout.mail.internal;

import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MessageSigner;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * DKIM-signs each composed message with utils-mail-dkim (rsa-sha256, relaxed/relaxed): the signature is made
 * when the message is written, so the SMTP transport and the outbox each write a signed copy.
 */
final class DkimMessageSigner implements MessageSigner {

	/**
	 * Signed when present. RFC 8058 requires both List-Unsubscribe headers to be covered for one-click to count;
	 * the library's own list lacks List-Unsubscribe-Post and Feedback-ID. The MIME headers are covered so the
	 * body cannot be re-labelled.
	 */
	static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "Reply-To",
			"List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Feedback-ID", "MIME-Version", "Content-Type",
			"Content-Transfer-Encoding");

	private final String domain;

	private final String selector;

	private final RSAPrivateKey key;

	DkimMessageSigner(String domain, String selector, RSAPrivateKey key) {
		this.domain = domain;
		this.selector = selector;
		this.key = key;
		try {
			signer(); // the library checks the domain and the key here: a bad one stops start-up, not the first send
		}
		catch (DkimException ex) {
			throw new DkimKeyException("DKIM signing cannot start with d=" + domain + " s=" + selector + ": "
					+ ex.getMessage() + ".");
		}
	}

	@Override
	public MimeMessage sign(SMTPMessage composed) throws MessagingException {
		SignedMessage signed = new SignedMessage(composed, signer());
		// SMTPMessage settings live outside the headers and are not copied: MAIL FROM must stay the return path.
		signed.setEnvelopeFrom(composed.getEnvelopeFrom());
		return signed;
	}

	/**
	 * A new signer for each message: a DkimSigner holds one Signature and one MessageDigest, which concurrent
	 * senders must not share (creating them is cheap next to the RSA signature itself).
	 */
	private DkimSigner signer() {
		DkimSigner signer = new DkimSigner(domain, selector, key);
		signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
		signer.setHeaderCanonicalization(Canonicalization.RELAXED);
		signer.setBodyCanonicalization(Canonicalization.RELAXED); // the library's default is simple
		// By default it looks the public key up in DNS before every signature: slow, and a DNS hiccup would fail sends.
		signer.setCheckDomainKey(false);
		SIGNED_HEADERS.forEach(signer::addHeaderToSign);
		return signer;
	}

	String domain() {
		return domain;
	}

	String selector() {
		return selector;
	}

	int keyBits() {
		return key.getModulus().bitLength();
	}

	/** The copy keeps the caller's Message-ID even if something saves changes later (MimeMessage would mint one). */
	private static final class SignedMessage extends DkimMessage {

		SignedMessage(MimeMessage message, DkimSigner signer) throws MessagingException {
			super(message, signer);
		}

		@Override
		protected void updateMessageID() {
		}

	}

}
