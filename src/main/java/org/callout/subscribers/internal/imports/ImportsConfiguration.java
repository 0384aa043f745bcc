package org.callout.subscribers.internal.imports;

import java.time.Clock;
import java.util.List;

import org.callout.platform.Claims;
import org.callout.platform.LargeBodies;
import org.callout.subscribers.SubscribersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ImportsConfiguration {

	// A multipart body is the file plus its part headers and boundaries: a little room over the file's limit, which
	// the importer applies to the file itself.
	private static final DataSize MULTIPART_OVERHEAD = DataSize.ofKilobytes(64);

	@Bean
	LargeBodies importBodies(SubscribersProperties properties) {
		long limit = properties.imports().maxFileSize().toBytes() + MULTIPART_OVERHEAD.toBytes();
		return new LargeBodies(List.of("/api/v1/subscribers/imports"), DataSize.ofBytes(limit));
	}

	@Bean
	Interruptions importInterruptions(ImportStore store, Claims claims, Clock clock) {
		return new Interruptions(store, claims.instanceId(), clock);
	}

	/** An import this instance left running when it stopped will never finish: say so. */
	static final class Interruptions {

		private static final Logger log = LoggerFactory.getLogger(Interruptions.class);

		private final ImportStore store;

		private final String instance;

		private final Clock clock;

		Interruptions(ImportStore store, String instance, Clock clock) {
			this.store = store;
			this.instance = instance;
			this.clock = clock;
		}

		@EventListener(ApplicationReadyEvent.class)
		void markInterrupted() {
			int marked = store.markInterrupted(instance, clock.instant());
			if (marked > 0) {
				log.warn("{} import(s) left running when this instance stopped are marked interrupted; re-running a file is safe", marked);
			}
		}

	}

}
