package org.callout.delivery.internal;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Step 1: the first slice of the recipients, once per blast, in the step's transaction with the move to SENDING, so
 * a crash leaves either both or neither, and sending starts when it commits ({@link SnapshotSlicesTasklet} writes
 * the rest beside the senders). Every later execution (another instance, a restart) finds the snapshot started.
 */
@Component
class SnapshotTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SnapshotTasklet.class);

	private final BlastHandover handover;

	private final Snapshot snapshot;

	private final TestHalt halt;

	private final BlastWarmUp warmUp;

	private final int firstSlice;

	SnapshotTasklet(BlastHandover handover, Snapshot snapshot, TestHalt halt, BlastWarmUp warmUp,
			DeliveryProperties properties) {
		this.firstSlice = properties.snapshotFirstSlice();
		this.handover = handover;
		this.snapshot = snapshot;
		this.halt = halt;
		this.warmUp = warmUp;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		long blastId = chunk.getStepContext().getStepExecution().getJobParameters().getLong("blastId");
		BlastPlan plan = handover.plan(blastId).orElseThrow(() -> new IllegalStateException("No blast " + blastId));
		if (plan.over()) {
			return RepeatStatus.FINISHED;
		}
		long started = System.nanoTime();
		warmUp.start(blastId);
		int written = snapshot.take(plan, firstSlice);
		if ("READY".equals(plan.state())) {
			handover.started(blastId);
		}
		halt.at("snapshot"); // Crash tests: the recipients and the move to SENDING are written, not committed.
		if (written > 0) {
			log.info("Blast {}: snapshot started with {} recipients in {} ms", blastId, written, (System.nanoTime() - started) / 1_000_000);
		}
		contribution.incrementWriteCount(written);
		return RepeatStatus.FINISHED;
	}

}
