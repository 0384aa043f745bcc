package org.callout.delivery.internal;

import java.time.Clock;

import org.callout.platform.CalloutProperties;
import org.callout.platform.Claims;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each instance's heartbeat, so that one instance may recover a Batch execution another left running only when that
 * other has stopped beating (for longer than claims take to expire), never a live instance's.
 */
@Repository
class EngineInstances {

	private static final String BEAT = "UPDATE delivery_instances SET heartbeat_at = :now WHERE instance_id = :me";

	private static final String FIRST_BEAT = """
			INSERT INTO delivery_instances (instance_id, heartbeat_at) VALUES (:me, :now) ON CONFLICT DO NOTHING""";

	private static final String ALIVE = """
			SELECT COUNT(*) FROM delivery_instances WHERE instance_id = :owner AND heartbeat_at >= :since""";

	private final JdbcClient jdbc;

	private final String me;

	private final CalloutProperties.Claims settings;

	private final Clock clock;

	EngineInstances(JdbcClient jdbc, Claims claims, CalloutProperties callout, Clock clock) {
		this.jdbc = jdbc;
		this.me = claims.instanceId();
		this.settings = callout.claims();
		this.clock = clock;
		claims.onHeartbeat(this::beat);
	}

	String me() {
		return me;
	}

	void beat() {
		var now = DeliveryStore.utc(clock.instant());
		if (jdbc.sql(BEAT).param("me", me).param("now", now).update() == 0) {
			jdbc.sql(FIRST_BEAT).param("me", me).param("now", now).update();
		}
	}

	/** An instance that never beat (an execution from before this table) counts as dead. */
	boolean alive(String owner) {
		return owner != null && jdbc.sql(ALIVE).param("owner", owner)
			.param("since", DeliveryStore.utc(clock.instant().minus(settings.expireAfter())))
			.query(Long.class).single() > 0;
	}

}
