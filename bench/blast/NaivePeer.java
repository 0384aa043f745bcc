import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The loop a developer writes by hand to email a list with Spring: a JavaMailSenderImpl left at its defaults and
 * one send(MimeMessage) per recipient. It is the baseline bench/blast/run compares the service with, so it is
 * deliberately not tuned: no TCP_NODELAY socket factory, no StreamProvider system property, no connection reuse
 * (JavaMailSenderImpl opens and closes a connection for every send call), one thread.
 * <p>
 * Usage (a single-file source program): java -cp 'lib/*' NaivePeer.java host port messages subject text.txt html.html
 * The text and HTML are the ones the service rendered for one recipient of its blast, so the messages have the same
 * size. Prints one line: {@code NAIVE messages=N seconds=S rate=R}.
 */
public class NaivePeer {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int messages = Integer.parseInt(args[2]);
		String subject = args[3];
		String text = Files.readString(Path.of(args[4]));
		String html = Files.readString(Path.of(args[5]));

		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);

		long started = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom("action@example.org");
			helper.setTo("naive-" + i + "@bench.example.org");
			helper.setSubject(subject);
			helper.setText(text, html);
			sender.send(message);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("NAIVE messages=%d seconds=%.3f rate=%.1f%n", messages, seconds, messages / seconds);
	}

}
