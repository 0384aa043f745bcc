package org.callout.consent.internal;

import org.callout.consent.ConsentTerms;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.CalloutProperties;
import org.callout.platform.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: the current consent terms, so a form embedded on the organization's own site shows exactly the
 * words a signup will record. An unsupported language gets the default language's terms.
 */
@RestController
class TermsController {

	private final ConsentTermsCatalog catalog;

	private final CalloutProperties properties;

	TermsController(ConsentTermsCatalog catalog, CalloutProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/api/v1/terms")
	ConsentTerms terms(@RequestParam(name = "lang", required = false) String language) {
		return catalog.current(language != null && catalog.speaks(language) ? language : properties.defaultLanguage());
	}

	@Configuration(proxyBeanMethods = false)
	static class Endpoints {

		@Bean
		PublicEndpoints consentPublicEndpoints() {
			return PublicEndpoints.of("/api/v1/terms");
		}

	}

}
