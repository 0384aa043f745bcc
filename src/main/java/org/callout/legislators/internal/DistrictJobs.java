package org.callout.legislators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.callout.subscribers.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The organizer's bulk refresh: every subscriber whose districts are not exactly known (or whose geocoder
 * lookup failed) is looked up again, on a background thread, with its progress in {@code district_jobs}.
 */
@Service
class DistrictJobs {

	private static final Logger log = LoggerFactory.getLogger(DistrictJobs.class);

	record Job(long id, String status, int total, int done, int changed, int failed, Instant startedAt, Instant finishedAt) {
	}

	private static final String SELECT = "SELECT id, status, total, done, changed, failed, started_at, finished_at FROM district_jobs";

	private final JdbcClient jdbc;

	private final RepresentationStore representations;

	private final RepresentationUpdater updater;

	private final Memberships memberships;

	private final Clock clock;

	DistrictJobs(JdbcClient jdbc, RepresentationStore representations, RepresentationUpdater updater, Memberships memberships,
			Clock clock) {
		this.jdbc = jdbc;
		this.representations = representations;
		this.updater = updater;
		this.memberships = memberships;
		this.clock = clock;
	}

	/** A job left running by a stopped instance will never finish: say so. */
	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		jdbc.sql("UPDATE district_jobs SET status = 'interrupted', finished_at = :now WHERE status = 'running'")
			.param("now", utc(clock.instant())).update();
	}

	/** Starts a job, or returns the one already running. */
	synchronized Job start() {
		Optional<Job> running = jdbc.sql(SELECT + " WHERE status = 'running' ORDER BY id").query(DistrictJobs::map).list().stream().findFirst();
		if (running.isPresent()) {
			return running.get();
		}
		// The unsure, and every confirmed subscriber never looked up (confirmed before this module existed, or a
		// lookup lost): "unknown" includes both.
		Set<Long> known = new HashSet<>(representations.known());
		TreeSet<Long> due = new TreeSet<>(representations.unsure());
		memberships.confirmedSubscriberIds().stream().filter(id -> !known.contains(id)).forEach(due::add);
		List<Long> subscribers = List.copyOf(due);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO district_jobs (status, total, done, changed, failed, started_at) VALUES ('running', :total, 0, 0, 0, :now)")
			.param("total", subscribers.size()).param("now", utc(clock.instant())).update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		Thread.ofVirtual().name("district-job-" + id).start(() -> run(id, subscribers));
		return find(id).orElseThrow();
	}

	Optional<Job> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DistrictJobs::map).optional();
	}

	private void run(long id, List<Long> subscribers) {
		try {
			lookUp(id, subscribers);
		}
		catch (RuntimeException ex) {
			// The database went away mid-job: say so, or the job would show as running for good.
			log.warn("District job {} stopped", id, ex);
			jdbc.sql("UPDATE district_jobs SET status = 'interrupted', finished_at = :now WHERE id = :id")
				.param("id", id).param("now", utc(clock.instant())).update();
		}
	}

	private void lookUp(long id, List<Long> subscribers) {
		for (long subscriberId : subscribers) {
			String column;
			try {
				column = updater.refresh(subscriberId, true) == RepresentationUpdater.Outcome.LOOKED_UP ? "changed" : "done";
			}
			catch (RuntimeException ex) {
				log.warn("District job {}: lookup of subscriber {} failed", id, subscriberId, ex);
				column = "failed";
			}
			String extra = column.equals("done") ? "" : ", " + column + " = " + column + " + 1";
			jdbc.sql("UPDATE district_jobs SET done = done + 1" + extra + " WHERE id = :id").param("id", id).update();
		}
		jdbc.sql("UPDATE district_jobs SET status = 'finished', finished_at = :now WHERE id = :id")
			.param("id", id).param("now", utc(clock.instant())).update();
	}

	private static Job map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new Job(rs.getLong("id"), rs.getString("status"), rs.getInt("total"), rs.getInt("done"), rs.getInt("changed"),
				rs.getInt("failed"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
