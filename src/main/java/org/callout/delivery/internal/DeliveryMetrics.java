package org.callout.delivery.internal;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's counters for Micrometer (and so {@code /actuator/metrics} and the Prometheus scrape):
 * {@code callout.deliveries} by status, counted by this instance as it records them, and
 * {@code callout.deliveries.open}, what every instance still has to send.
 */
@Component
class DeliveryMetrics {

	private static final String OPEN = "SELECT COUNT(*) FROM deliveries WHERE status IN ('PENDING', 'DEFERRED')";

	private final Map<DeliveryStatus, Counter> recorded = new EnumMap<>(DeliveryStatus.class);

	DeliveryMetrics(MeterRegistry registry, JdbcClient jdbc) {
		for (DeliveryStatus status : DeliveryStatus.values()) {
			recorded.put(status, Counter.builder("callout.deliveries")
				.description("Delivery outcomes recorded by this instance")
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
				.register(registry));
		}
		Gauge.builder("callout.deliveries.open", jdbc, db -> db.sql(OPEN).query(Long.class).single())
			.description("Deliveries pending or deferred, in every blast")
			.register(registry);
	}

	void recorded(DeliveryStatus status) {
		recorded(status, 1);
	}

	void recorded(DeliveryStatus status, int count) {
		if (count > 0) {
			recorded.get(status).increment(count);
		}
	}

}
