package org.callout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Callout: consent-first signup, subscriber lists and bill-triggered "call your legislator" emails.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CalloutApplication {

	public static void main(String[] args) {
		// jakarta.mail-api 2.1 otherwise runs a ServiceLoader scan on every encode (see NOTES.md): set before any mail class loads.
		System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		SpringApplication.run(CalloutApplication.class, args);
	}

}
