package org.callout.console.internal.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings.
 *
 * @param secureCookies whether the console's cookies are {@code Secure}; unset: when the public base URL is https
 * (behind a proxy that ends TLS the connection itself looks like plain http, so it cannot be asked)
 * @param signIn how failed sign-ins are throttled
 */
@ConfigurationProperties("callout.console")
public record ConsoleProperties(Boolean secureCookies, SignIn signIn) {

	public ConsoleProperties {
		signIn = signIn == null ? new SignIn(0, 0, null, null, null) : signIn;
	}

	/**
	 * @param accountFailures failed sign-ins to one account (or unknown name) within the window before it is locked
	 * @param addressFailures failed sign-ins from one client address (an IPv6 /64) within the window before it is
	 * locked: more, since many people can share one office's address
	 * @param window how long failures are remembered after the last one
	 * @param firstLock the first lock; each failure after a lock doubles it
	 * @param longestLock the longest lock
	 */
	public record SignIn(int accountFailures, int addressFailures, Duration window, Duration firstLock, Duration longestLock) {

		public SignIn {
			accountFailures = accountFailures <= 0 ? 5 : accountFailures;
			addressFailures = addressFailures <= 0 ? 20 : addressFailures;
			window = window == null ? Duration.ofMinutes(15) : window;
			firstLock = firstLock == null ? Duration.ofMinutes(1) : firstLock;
			longestLock = longestLock == null ? Duration.ofHours(1) : longestLock;
		}

	}

}
