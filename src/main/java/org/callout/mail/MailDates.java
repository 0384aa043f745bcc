package org.callout.mail;

import java.util.Date;

import jakarta.mail.internet.MailDateFormat;

/**
 * The Date header as {@code MimeMessage.setSentDate} writes it, made once a second: {@code setSentDate} formats
 * through one {@link MailDateFormat} shared by every message and locked for each, which the senders queued on.
 */
final class MailDates {

	private record Second(long epochSecond, String header) {
	}

	private static final MailDateFormat FORMAT = new MailDateFormat();

	private static volatile Second current = new Second(-1, "");

	private MailDates() {
	}

	static String now() {
		long millis = System.currentTimeMillis();
		long second = Math.floorDiv(millis, 1000);
		Second seen = current;
		if (seen.epochSecond() == second) {
			return seen.header();
		}
		String header;
		synchronized (FORMAT) { // a SimpleDateFormat: not safe across threads
			header = FORMAT.format(new Date(second * 1000));
		}
		current = new Second(second, header);
		return header;
	}

}
