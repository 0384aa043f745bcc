package org.callout.consent.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentProperties;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.CalloutProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger on a database (the test class names which): the ledger, its stores and its erasure path, with
 * fixed consent texts. Every ledger test class uses exactly this configuration, so Spring's context cache starts one
 * context per database for all of them instead of one per class; they share that database, so each test class keeps
 * to subscriber ids and address hashes of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJdbcTest(properties = { "callout.consent.texts.en=I agree to emails from {organization}.",
		"callout.consent.texts.es=Acepto correos de {organization}.", "callout.organization.name=Test Org",
		"callout.organization.privacy-policy-url=https://example.org/privacy", "callout.organization.privacy-policy-version=v1" })
@Import(ConsentLedgerSlice.Config.class)
// Not in a test transaction: on PostgreSQL a refused statement aborts the transaction it ran in, and the
// assertions after it must still read the ledger.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface ConsentLedgerSlice {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ConsentProperties.class, CalloutProperties.class })
	@Import({ ConsentLedger.class, ConsentTermsCatalog.class, ConsentEventStore.class, ConsentTermsStore.class,
			ConsentErasureStore.class, ConsentPersonalData.class })
	class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
