package org.callout.mail.internal;

import java.time.Clock;

import org.callout.mail.MailProperties;
import org.callout.mail.RelayBudget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay's state (paused by a fault or not), its budget, and what health shows of them. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

	@Bean
	RelayStatus relayStatus(MailProperties mail) {
		return new RelayStatus(mail.relay());
	}

	@Bean
	RelayBudget relayBudget(MailProperties mail, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		return new TableRelayBudget(jdbc, transactions, clock, mail.relay());
	}

	@Bean
	RelayHealthIndicator relayHealthIndicator(RelayStatus relayStatus, MailProperties mail) {
		return new RelayHealthIndicator(relayStatus, mail.transport());
	}

}
