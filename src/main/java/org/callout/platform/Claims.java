package org.callout.platform;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This instance's claims on work tables: hands out one {@link WorkClaims} per table, taking back at once the
 * claims this instance id held before it (re)started, and renews all of them on each heartbeat.
 */
public final class Claims {

	private static final Logger log = LoggerFactory.getLogger(Claims.class);

	private final JdbcClient jdbc;

	private final String instanceId;

	private final CalloutProperties.Claims settings;

	private final Clock clock;

	private final List<WorkClaims> tables = new CopyOnWriteArrayList<>();

	private final List<Runnable> beats = new CopyOnWriteArrayList<>();

	public Claims(JdbcClient jdbc, String instanceId, CalloutProperties.Claims settings, Clock clock) {
		this.jdbc = jdbc;
		this.instanceId = instanceId;
		this.settings = settings;
		this.clock = clock;
	}

	public String instanceId() {
		return instanceId;
	}

	/** The claims on {@code table}; this instance's earlier claims there are released first. */
	public WorkClaims on(String table) {
		WorkClaims claims = new WorkClaims(jdbc, table, instanceId, settings, clock);
		int taken = claims.releaseOwn();
		if (taken > 0) {
			log.info("Took back {} claim(s) on {} that instance {} held before it restarted", taken, table, instanceId);
		}
		tables.add(claims);
		return claims;
	}

	/**
	 * Runs {@code beat} on every heartbeat, on the heartbeat's own thread (a module's own sign of life, such as the
	 * blast engine's instance row), so that a long job on the shared scheduler can never make it look dead.
	 */
	public void onHeartbeat(Runnable beat) {
		beats.add(beat);
	}

	/** Keeps every claim this instance holds alive; called every {@code callout.claims.heartbeat-interval}. */
	public void heartbeat() {
		tables.forEach(WorkClaims::renew);
		for (Runnable beat : beats) {
			try {
				beat.run();
			}
			catch (RuntimeException ex) {
				log.warn("A heartbeat action failed; it runs again on the next beat", ex);
			}
		}
	}

}
