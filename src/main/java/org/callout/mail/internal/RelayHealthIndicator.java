package org.callout.mail.internal;

import org.callout.mail.MailProperties;
import org.callout.platform.Masking;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The relay in {@code /actuator/health} (component {@code relay}). It stays UP while a relay fault pauses
 * sending: the service still takes signups and queues their emails, and restarting it would not mend a wrong
 * password; an orchestrator must not kill it for that. The pause and its reason are in the status
 * description, which health shows without details being enabled.
 */
class RelayHealthIndicator implements HealthIndicator {

	private final RelayStatus status;

	private final MailProperties.Transport transport;

	RelayHealthIndicator(RelayStatus status, MailProperties.Transport transport) {
		this.status = status;
		this.transport = transport;
	}

	@Override
	public Health health() {
		RelayStatus.Snapshot now = status.snapshot();
		if (!now.paused()) {
			return Health.up().withDetail("transport", transport.name().toLowerCase()).withDetail("sending", "yes").build();
		}
		String reason = Masking.text(now.reason());
		return Health.status(new Status(Status.UP.getCode(), "sending paused by a relay fault: " + reason))
			.withDetail("transport", transport.name().toLowerCase())
			.withDetail("sending", "paused")
			.withDetail("reason", reason)
			.withDetail("since", now.since().toString())
			.withDetail("nextProbeAt", now.nextProbeAt().toString())
			.build();
	}

}
