package org.callout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Callout: consent-first signup, subscriber lists and bill-triggered "call your legislator" emails.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class CalloutApplication {

	public static void main(String[] args) {
		SpringApplication.run(CalloutApplication.class, args);
	}

}
