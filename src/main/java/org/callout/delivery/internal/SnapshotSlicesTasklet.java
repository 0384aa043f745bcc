package org.callout.delivery.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rest of the snapshot, beside the send workers: one slice per call, each in a transaction of its own, until
 * none is left. The place to carry on is the run's row, not this step's context, so whichever execution gets the
 * run's lock next (a restart, another instance sharing the blast) writes the next slice. A slice that fails (the
 * database away) is tried again a poll interval later instead of failing the step: the workers beside it wait for the
 * snapshot to be complete before they end, so this step must end only complete or stopped. It stops, restartable,
 * when this instance shuts down; an organizer's pause does not stop it, since it sends nothing.
 */
class SnapshotSlicesTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SnapshotSlicesTasklet.class);

	private final long blastId;

	private final BlastHandover handover;

	private final Snapshot snapshot;

	private final TestHalt halt;

	private final int slice;

	private final BooleanSupplier stopping;

	private final TransactionTemplate ownTransaction;

	private final Duration retryWait;

	private long started;

	private long written;

	private int slices;

	SnapshotSlicesTasklet(long blastId, BlastHandover handover, Snapshot snapshot, TestHalt halt,
			DeliveryProperties properties, BooleanSupplier stopping, TransactionTemplate ownTransaction) {
		this.ownTransaction = ownTransaction;
		this.retryWait = properties.pollInterval();
		this.blastId = blastId;
		this.handover = handover;
		this.snapshot = snapshot;
		this.halt = halt;
		this.slice = properties.snapshotSlice();
		this.stopping = stopping;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		if (stopping.getAsBoolean()) {
			chunk.getStepContext().getStepExecution().setTerminateOnly();
			return RepeatStatus.FINISHED;
		}
		if (slices == 0) {
			started = System.nanoTime();
		}
		// The planner's picture is taken after this execution's first slice, and again when the snapshot is complete.
		boolean analyze = slices == 0;
		Snapshot.Slice next;
		try {
			// The plan is read inside the try too: a database away there must not fail the step either.
			BlastPlan plan = handover.plan(blastId).orElseThrow(() -> new IllegalStateException("No blast " + blastId));
			next = ownTransaction.execute(status -> {
				Snapshot.Slice written = snapshot.next(plan, slice, analyze);
				if (written.written() > 0) {
					halt.at("snapshot-slice"); // Crash tests: a later slice is written, not committed; sending has begun.
				}
				return written;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Blast {}: a slice of its snapshot could not be written; trying again in {}", blastId, retryWait, ex);
			LockSupport.parkNanos(retryWait.toNanos());
			return RepeatStatus.CONTINUABLE;
		}
		slices++;
		written += next.written();
		contribution.incrementWriteCount(next.written());
		if (next.done()) {
			if (written > 0) {
				log.info("Blast {}: snapshot completed with {} more recipients in {} slices, {} ms", blastId, written,
						slices, (System.nanoTime() - started) / 1_000_000);
			}
			return RepeatStatus.FINISHED;
		}
		return RepeatStatus.CONTINUABLE;
	}

}
