package org.callout.mail.internal;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, with command pipelining (RFC 2920) for a message to one recipient when the relay offers
 * it: MAIL FROM, RCPT TO and DATA leave in one packet and their three replies are read after, then the message and its
 * "." line in one write: two round trips a message instead of four. Angus has no pipelining of its own; connecting,
 * STARTTLS, AUTH and reading replies are still Angus's, and so is every other send (several recipients, a relay without
 * PIPELINING, an address that is not plain ASCII). Over plain TCP the message is written by {@link DataBytes} straight to
 * the socket (Angus's own buffer is empty between commands); under TLS through Angus's stream, which encrypts. The
 * failures are the ones Angus throws for the same replies, so they are classified the same way.
 */
final class PipeliningTransport extends SMTPTransport {

	// Replies to commands already written, read (by readServerResponse) before the reply asked for: MAIL's and RCPT's.
	private int unread;

	private int read;

	private final int[] codes = new int[2];

	private final String[] replies = new String[2];

	private long pipelined;

	// Whether the message's content began to go out in the send under way: from then on the relay may have taken it.
	private boolean contentStarted;

	// This connection's socket, when it is one of ours (RelaySocketFactory made it): null sends as Angus does.
	private RelaySocket socket;

	PipeliningTransport(Session session, URLName url) {
		super(session, url);
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, String user, String password)
			throws MessagingException {
		RelaySocket.takeCreated();
		try {
			return super.protocolConnect(host, port, user, password);
		}
		finally {
			socket = RelaySocket.takeCreated();
		}
	}

	/** Whether this connection is one of RelaySocketFactory's, corkable and watched (TLS, if any, layered over it). */
	synchronized boolean onRelaySocket() {
		return socket != null;
	}

	/**
	 * Whether the last send began to write the message's content (DATA was answered 354): a failure after that may
	 * follow a message the relay took, so it must not be sent again at once as one that never went.
	 */
	synchronized boolean contentStarted() {
		return contentStarted;
	}

	@Override
	protected OutputStream data() throws MessagingException {
		OutputStream stream = super.data(); // Angus's own sends come here too
		contentStarted = true;
		return stream;
	}

	/** How many messages this connection has sent pipelined (accepted or not). */
	synchronized long pipelinedSends() {
		return pipelined;
	}

	@Override
	public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
		contentStarted = false;
		String from = message instanceof SMTPMessage smtp ? smtp.getEnvelopeFrom() : null;
		if (socket == null || !supportsExtension("PIPELINING") || from == null || !plain(from) || addresses == null
				|| addresses.length != 1 || !(addresses[0] instanceof InternetAddress to) || !plain(to.getAddress())) {
			super.sendMessage(message, addresses);
			return;
		}
		checkConnected();
		pipelined++;
		String mail = "MAIL FROM:<" + from + ">";
		String rcpt = "RCPT TO:<" + to.getAddress() + ">";
		OutputStream data;
		read = 0;
		unread = 0;
		try {
			socket.cork();
			sendCommand(mail);
			sendCommand(rcpt);
			unread = 2;
			data = data(); // writes DATA, then readServerResponse uncorks and reads MAIL's and RCPT's replies before DATA's
		}
		catch (MessagingException ex) {
			// DATA refused (Angus has sent RSET): after a refused MAIL or RCPT that is expected, and theirs is the failure.
			throw earlierFailure(mail, rcpt, to, ex);
		}
		finally {
			unread = 0;
			socket.dropHeld(); // only if something failed before DATA was written: a half pipeline must not go out
		}
		MessagingException refused = earlierFailure(mail, rcpt, to, null);
		if (refused != null) {
			if (codes[0] == 250) {
				// DATA accepted with no recipient: RFC 2920 (3.1) ends it with a lone ".", which reaches nobody.
				endEmpty();
			}
			else {
				// DATA accepted after a refused sender, by a relay that may have taken the recipient: hanging up in DATA
				// delivers nothing, where even an empty message might arrive.
				quietlyClose();
			}
			throw refused;
		}
		try {
			if (isSSL()) {
				((MimeMessage) message).writeTo(data, DataBytes.HIDDEN);
				((SMTPOutputStream) data).ensureAtBOL();
				sendCommand(".");
			}
			else {
				DataBytes.write((MimeMessage) message, socket.getOutputStream());
			}
			ended(to);
		}
		catch (IOException ex) {
			// As Angus: the connection goes, so a message cut off in the middle is never taken. (QUIT is not waited for:
			// mail.smtp.quitwait is false, and in DATA it is only more of the unfinished message.)
			quietlyClose();
			throw new MessagingException("IOException while sending message", ex);
		}
	}

	@Override
	protected int readServerResponse() throws MessagingException {
		uncork();
		boolean gone = false;
		while (read < unread) {
			// After no reply (end of stream, or a garbled one, on which Angus closes the connection) there is nothing more
			// to read, nor anything to read it from: the replies after it are none either.
			codes[read] = gone ? -1 : super.readServerResponse();
			replies[read] = gone ? "[EOF]" : getLastServerResponse();
			gone = codes[read] == -1;
			read++;
		}
		return gone ? -1 : super.readServerResponse();
	}

	/**
	 * The reply to the "." line, as Angus's finishData reads it; but no RSET when there was no reply at all, whose
	 * failed write Angus would throw instead, in words that tell a connection closed before the message.
	 */
	private void ended(InternetAddress to) throws MessagingException {
		int code = readServerResponse();
		if (code != 250) {
			String reply = getLastServerResponse();
			if (code > 0) {
				issueCommand("RSET", -1);
			}
			throw new SMTPSendFailedException(".", code, reply, null, null, new Address[] { to }, null);
		}
	}

	/** What Angus would have thrown for a refused MAIL FROM or RCPT TO; else {@code otherwise}. */
	private MessagingException earlierFailure(String mail, String rcpt, InternetAddress to, MessagingException otherwise) {
		if (read > 0 && codes[0] != 250) {
			return new SMTPSendFailedException(mail, codes[0], replies[0], null, null, new Address[] { to }, null);
		}
		if (read > 1 && (codes[1] < 200 || codes[1] > 299)) { // any 2xx accepts the recipient, as in Angus's rcptTo
			SMTPAddressFailedException address = new SMTPAddressFailedException(to, rcpt, codes[1], replies[1]);
			if (codes[1] < 400 || codes[1] > 599) {
				return address; // no SMTP refusal at all (the connection closed, a garbled reply): Angus throws it bare
			}
			boolean passing = codes[1] < 500 || codes[1] == 552;
			return new SendFailedException("Invalid Addresses", address, null, passing ? new Address[] { to } : new Address[0],
					passing ? new Address[0] : new Address[] { to });
		}
		return otherwise;
	}

	private void uncork() throws MessagingException {
		if (socket == null) {
			return; // connecting: Angus's own commands, never corked
		}
		try {
			socket.uncork();
		}
		catch (IOException ex) {
			throw new MessagingException("Can't send command to SMTP host", ex); // Angus's words for a failed write
		}
	}

	private void quietlyClose() {
		try {
			close();
		}
		catch (MessagingException ex) {
			// Closed whatever QUIT met (Angus closes the socket in a finally).
		}
	}

	private void endEmpty() {
		try {
			finishData();
		}
		catch (IOException | MessagingException ex) {
			// Refused (as it should be) or not, nothing was sent to anyone; the refusal before it is what the caller hears.
		}
	}

	// US-ASCII with no control character: Angus would add SMTPUTF8 (or refuse) for anything else, and it takes those
	// sends. A loop, not a CharsetEncoder: this runs twice for every message.
	private static boolean plain(String address) {
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c < 0x20 || c >= 0x7f) {
				return false;
			}
		}
		return true;
	}

}
