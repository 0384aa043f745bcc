package org.callout.subscribers.internal;

import org.callout.platform.TokenPages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UnsubscribeConfiguration {

	/**
	 * The unsubscribe link's token is the whole capability: its page's form and the one-click POST of mail apps
	 * (RFC 8058, which sends no cookie) need no CSRF token. The fresh-link form lives elsewhere and keeps one.
	 */
	@Bean
	TokenPages unsubscribeTokenPages() {
		return TokenPages.of("/u/**");
	}

}
