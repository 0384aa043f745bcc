package org.callout.console.internal.signin;

import org.callout.platform.CalloutProperties;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Makes the session cookie {@code Secure} when the console is served over https. Tomcat would do so by itself only
 * when its own connection is TLS; behind a proxy that ends TLS every request looks like plain http, so the public
 * base URL (or {@code callout.console.secure-cookies}) decides. Runs after Boot's own session settings.
 */
@Component
class ConsoleCookies implements ServletContextInitializer {

	private final boolean secure;

	ConsoleCookies(ConsoleProperties properties, CalloutProperties callout) {
		this.secure = secure(properties, callout);
	}

	static boolean secure(ConsoleProperties properties, CalloutProperties callout) {
		if (properties.secureCookies() != null) {
			return properties.secureCookies();
		}
		return callout.publicBaseUrl() != null && "https".equalsIgnoreCase(callout.publicBaseUrl().getScheme());
	}

	@Override
	public void onStartup(jakarta.servlet.ServletContext context) {
		if (secure) {
			context.getSessionCookieConfig().setSecure(true);
		}
	}

}
