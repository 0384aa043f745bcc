package org.callout.delivery.internal;

import java.time.Clock;
import java.util.Map;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Step 3: once nothing is open, the first execution to get here marks the run finished, logs the counts and moves
 * the blast to SENT, or to EXPIRED when the send-by time left anyone unsent (unless it ended otherwise: cancelled).
 */
@Component
class FinishTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(FinishTasklet.class);

	private final BlastHandover handover;

	private final Snapshot snapshot;

	private final DeliveryStore store;

	private final Clock clock;

	private final TestHalt halt;

	FinishTasklet(BlastHandover handover, Snapshot snapshot, DeliveryStore store, Clock clock, TestHalt halt) {
		this.clock = clock;
		this.halt = halt;
		this.handover = handover;
		this.snapshot = snapshot;
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		long blastId = chunk.getStepContext().getStepExecution().getJobParameters().getLong("blastId");
		BlastPlan plan = handover.plan(blastId).orElseThrow();
		if (store.open(blastId) > 0 && !plan.over()) {
			return RepeatStatus.FINISHED; // Another instance still holds some; it finishes the blast.
		}
		if (plan.pausedByOrganizer() && !plan.pastSendBy(clock.instant())) {
			// Paused just as the last chunk went: stopped, so the organizer's resume runs this step again and then
			// finishes it (the pause is the organizer's, not the engine's, to lift).
			chunk.getStepContext().getStepExecution().setTerminateOnly();
			return RepeatStatus.FINISHED;
		}
		if (snapshot.finish(blastId)) {
			// Anyone the send-by time left unsent means the blast did not reach its audience in time: EXPIRED, as
			// the organizer must see it, not SENT.
			boolean expired = store.counts(blastId).get(DeliveryStatus.EXPIRED) > 0;
			if (expired && (plan.sending() || plan.state().equals("PAUSED"))) {
				handover.expired(blastId);
			}
			else if (plan.sending()) {
				handover.finished(blastId);
			}
			else if (plan.pausedByRelay()) {
				handover.started(blastId); // The last probe went through, or the rest were closed without sending.
				handover.finished(blastId);
			}
			halt.at("finish"); // Crash tests: the run and the blast are marked finished, not committed.
			log.info("Blast {} finished ({}): {}", blastId, handover.plan(blastId).map(BlastPlan::state).orElse("?"),
					store.counts(blastId));
		}
		return RepeatStatus.FINISHED;
	}

}
