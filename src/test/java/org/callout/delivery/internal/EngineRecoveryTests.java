package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.delivery.DeliveryFlowSupport;
import org.callout.platform.Claims;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Executions a killed JVM left STARTED in the job repository: recovered (marked FAILED with an end time) when they
 * are this instance's own or belong to an instance whose heartbeat stopped; never a live instance's.
 */
@H2Database
class EngineRecoveryTests extends DeliveryFlowSupport {

	@Autowired
	private JobRepository jobs;

	@Autowired
	private BlastEngine engine;

	@Autowired
	private Claims claims;

	@Test
	void anExecutionOfAnInstanceWhoseHeartbeatStoppedIsRecoveredButALiveInstancesIsLeftAlone() throws Exception {
		long blast = sentBlast();
		beat("live-instance");
		JobExecution dead = leftRunning(blast, "dead-instance");
		JobExecution live = leftRunning(blast, "live-instance");

		Awaitility.await("the dead instance's execution recovered").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			beat("live-instance");
			assertThat(status(dead)).isEqualTo(BatchStatus.FAILED);
		});
		beat("live-instance");
		assertThat(status(live)).isEqualTo(BatchStatus.STARTED);
		assertThat(jobs.getJobExecution(dead.getId()).getEndTime()).isNotNull();
	}

	@Test
	void thisInstancesOwnExecutionLeftRunningIsRecoveredAtStartWithAnEndTime() throws Exception {
		long blast = sentBlast();
		JobExecution own = leftRunning(blast, claims.instanceId());
		assertThat(jobs.getLastJobExecution(BlastJobConfiguration.JOB, parameters(blast, claims.instanceId())).getStatus())
			.isEqualTo(BatchStatus.STARTED);

		engine.recoverOwn();

		// FAILED is what a restart needs; the blast is over, so nothing is run again for it.
		assertThat(status(own)).isEqualTo(BatchStatus.FAILED);
		assertThat(jobs.getJobExecution(own.getId()).getEndTime()).isNotNull();
	}

	private long sentBlast() throws Exception {
		supporter(unique("recovery"), "Ida", "12207", "en");
		long blast = startBlast(null, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(60));
		return blast;
	}

	/** What a kill -9 leaves: an execution STARTED with no end, its step never finished. */
	private JobExecution leftRunning(long blast, String owner) {
		JobParameters parameters = parameters(blast, owner);
		JobInstance existing = jobs.getJobInstance(BlastJobConfiguration.JOB, parameters);
		JobInstance instance = existing != null ? existing : jobs.createJobInstance(BlastJobConfiguration.JOB, parameters);
		JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(java.time.LocalDateTime.now());
		jobs.update(execution);
		return execution;
	}

	private void beat(String owner) {
		var now = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
		if (jdbc.sql("UPDATE delivery_instances SET heartbeat_at = :now WHERE instance_id = :id").param("now", now)
			.param("id", owner).update() == 0) {
			jdbc.sql("INSERT INTO delivery_instances (instance_id, heartbeat_at) VALUES (:id, :now)").param("id", owner)
				.param("now", now).update();
		}
	}

	private BatchStatus status(JobExecution execution) {
		return jobs.getJobExecution(execution.getId()).getStatus();
	}

	private static JobParameters parameters(long blast, String owner) {
		return new JobParametersBuilder().addLong("blastId", blast).addString("instanceId", owner).toJobParameters();
	}

}
