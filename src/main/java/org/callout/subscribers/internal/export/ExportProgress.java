package org.callout.subscribers.internal.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * How far each export on this instance has got, for whoever watches a large one (the download itself cannot say:
 * its length is unknown until the end). Kept in memory for an hour after the end: an export is one request on one
 * instance, and nothing about it needs to survive a restart.
 */
@Component
class ExportProgress {

	private static final Duration KEPT = Duration.ofHours(1);

	enum Status {
		RUNNING, DONE, FAILED
	}

	/** One export's progress. */
	static final class Export {

		final String id;

		final long total;

		final Instant startedAt;

		final AtomicLong written = new AtomicLong();

		volatile Status status = Status.RUNNING;

		volatile Instant finishedAt;

		Export(String id, long total, Instant startedAt) {
			this.id = id;
			this.total = total;
			this.startedAt = startedAt;
		}

	}

	private final Map<String, Export> exports = new ConcurrentHashMap<>();

	private final Clock clock;

	ExportProgress(Clock clock) {
		this.clock = clock;
	}

	Export start(long total) {
		Instant now = clock.instant();
		exports.values().removeIf(e -> e.finishedAt != null && e.finishedAt.plus(KEPT).isBefore(now));
		Export export = new Export(UUID.randomUUID().toString(), total, now);
		exports.put(export.id, export);
		return export;
	}

	void finish(Export export, Status status) {
		export.status = status;
		export.finishedAt = clock.instant();
	}

	Optional<Export> find(String id) {
		return Optional.ofNullable(exports.get(id));
	}

}
