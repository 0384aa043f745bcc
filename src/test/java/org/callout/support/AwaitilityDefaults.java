package org.callout.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility checks a condition at once and then at its poll interval, in every test class (registered through
 * JUnit's extension auto-detection, see junit-platform.properties). Its default is to wait one poll interval before
 * the first check, which adds a tenth of a second to every wait for something already done, a few hundred times a
 * run. Each wait's timeout, poll interval and {@code during} are unchanged.
 */
public class AwaitilityDefaults implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
	}

}
