package org.callout.delivery.internal;

import java.util.function.IntConsumer;

import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * For crash tests only: halts the JVM at the point {@code callout.delivery.test.halt-at} names, with
 * {@code Runtime.halt} (no shutdown hook, no rollback but the database's own when the connection drops), as
 * abruptly as {@code kill -9}. Off (does nothing) unless that setting is set, which production never does.
 */
@Component
class TestHalt {

	/** The exit code of a halt, so a test tells it from any other death. */
	static final int EXIT_CODE = 86;

	private static final Logger log = LoggerFactory.getLogger(TestHalt.class);

	private final String haltAt;

	private final IntConsumer halt;

	@Autowired
	TestHalt(DeliveryProperties properties) {
		this(properties.test().haltAt(), Runtime.getRuntime()::halt);
	}

	TestHalt(String haltAt, IntConsumer halt) {
		this.haltAt = haltAt;
		this.halt = halt;
	}

	/** Halts here when this is the configured point ({@code snapshot}, {@code finish}). */
	void at(String point) {
		if (!haltAt.isEmpty() && haltAt.equals(point)) {
			// Said first, so the test can tell from the log that it died here and not somewhere else.
			log.error("Halting at {} (callout.delivery.test.halt-at, a crash test's setting)", point);
			halt.accept(EXIT_CODE);
		}
	}

}
