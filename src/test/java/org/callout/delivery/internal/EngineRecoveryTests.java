package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.callout.campaigns.BlastHandover;
import org.callout.delivery.AudienceSql;
import org.callout.delivery.DeliveryFlowSupport;
import org.callout.platform.AddressHasher;
import org.callout.platform.Claims;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executions a killed JVM left STARTED in the job repository: recovered (marked FAILED with an end time) when they
 * are this instance's own or belong to an instance whose heartbeat stopped; never a live instance's. And recovery
 * is what lets a crashed blast finish: with {@code JobOperator.recover} turned off (this class's seam), the
 * execution a crash left keeps its blast from ever finishing, so a crash test that passes does so because of it.
 */
@H2Database
class EngineRecoveryTests extends DeliveryFlowSupport {

	/** The seam: while off, {@code JobOperator.recover} does nothing and answers the execution as it was. */
	static final class Recovery {

		private volatile boolean off;

		void off() {
			off = true;
		}

		void on() {
			off = false;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecoverySeam {

		@Bean
		Recovery recovery() {
			return new Recovery();
		}

		// Static, so that wrapping the operator does not make the configuration itself an early bean.
		@Bean
		static BeanPostProcessor recoveryThatCanBeTurnedOff(org.springframework.beans.factory.ObjectProvider<Recovery> recovery) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof JobOperator operator)) {
						return bean;
					}
					return Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[] { JobOperator.class },
							(proxy, method, arguments) -> {
								if (method.getName().equals("recover") && recovery.getObject().off) {
									return arguments[0];
								}
								try {
									return method.invoke(operator, arguments);
								}
								catch (InvocationTargetException ex) {
									throw ex.getCause();
								}
							});
				}
			};
		}

	}

	@Autowired
	private Recovery recovery;

	@Autowired
	private Snapshot snapshot;

	@Autowired
	private BlastHandover handover;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private AddressHasher hasher;

	@Autowired
	private JdbcTemplate batch;

	@AfterEach
	void recoveryOn() {
		recovery.on();
	}

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

	@Test
	void anExecutionACrashLeftRunningHoldsItsBlastUpUntilItIsRecoveredThenTheBlastFinishes() throws Exception {
		List<String> members = List.of(unique("held-1"), unique("held-2"), unique("held-3"));
		long blast = draftBlastTo(members);
		recovery.off();
		// What a kill -9 mid-send leaves: this instance's execution STARTED, the snapshot taken, the blast SENDING
		// and its records open. The engine takes the blast up at its next poll.
		JobExecution left = leftRunning(blast, claims.instanceId());
		transactions.executeWithoutResult(status -> {
			snapshot.take(handover.plan(blast).orElseThrow(), 1_000);
			jdbc.sql("UPDATE blasts SET state = 'SENDING' WHERE id = :id").param("id", blast).update();
		});

		// Unrecovered, the job instance cannot be restarted (its execution is "running"): nothing is ever sent.
		Awaitility.await("the blast held up").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> status(left) == BatchStatus.STARTED && open(blast) == members.size()
					&& "SENDING".equals(blast(blast).get("state").asString()));
		assertThat(members).allSatisfy(member -> assertThat(blastEmailsTo(member, blast)).as(member).isEmpty());

		recovery.on();
		// A failed try is tried again 10 s later on the engine's clock, which is the test's and stands still.
		clock.advance(Duration.ofSeconds(11));

		// That try recovers the execution (FAILED), restarts the job instance, and sends.
		awaitState(blast, "SENT", Duration.ofSeconds(30));
		assertThat(status(left)).isEqualTo(BatchStatus.FAILED);
		assertThat(members).allSatisfy(member -> assertThat(blastEmailsTo(member, blast)).as(member).hasSize(1));
	}

	/** A blast to a list of its own with these confirmed members, left a draft: the engine never takes it up. */
	private long draftBlastTo(List<String> members) throws Exception {
		String slug = "held-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(adminSend("POST", "/api/v1/lists",
				json.writeValueAsString(Map.of("slug", slug, "name", "Held " + slug, "isPublic", true))).statusCode())
			.isEqualTo(201);
		AudienceSql audience = new AudienceSql(jdbc, batch, hasher, clock.instant());
		audience.subscribers(members.stream().map(member -> new AudienceSql.Person(member, "en", "12207")).toList());
		for (String member : members) {
			audience.memberships(member, audience.listId(slug), "CONFIRMED");
		}
		var created = adminSend("POST", "/api/v1/blasts", json.writeValueAsString(Map.of("lists", List.of(slug),
				"quietHours", false)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	private long open(long blast) {
		return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE blast_id = :blast AND status = 'PENDING'").param("blast", blast)
			.query(Long.class).single();
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
