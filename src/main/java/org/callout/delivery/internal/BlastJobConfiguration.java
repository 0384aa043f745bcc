package org.callout.delivery.internal;

import java.time.Clock;
import java.util.List;

import org.callout.campaigns.BlastEmails;
import org.callout.campaigns.BlastHandover;
import org.callout.delivery.DeliveryProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The blast job: snapshot, send, finish. Launched per blast and instance by {@link BlastEngine} (job parameters
 * {@code blastId} and {@code instanceId}), never at start-up ({@code spring.batch.job.enabled=false}); Boot's
 * auto-configuration supplies the JDBC job repository and the operator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class BlastJobConfiguration {

	static final String JOB = "blast";

	/**
	 * The snapshot's first slice, then the rest of it and the sending side by side (a split: the first message waits
	 * for the first slice only), then the finish once both are done. A flow goes on only from a step COMPLETED: a
	 * stopped or failed one ends the execution so, restartable, and a restart runs again only what did not complete.
	 */
	@Bean
	Job blastJob(JobRepository jobs, Step blastSnapshot, Step blastSnapshotSlices, Step blastSend, Step blastFinish) {
		Flow slices = new FlowBuilder<SimpleFlow>("snapshot-slices").start(blastSnapshotSlices).build();
		Flow sending = new FlowBuilder<SimpleFlow>("sending").start(blastSend).build();
		Flow both = new FlowBuilder<SimpleFlow>("snapshot-and-send")
			.split(new SimpleAsyncTaskExecutor("blast-flow-"))
			.add(slices, sending)
			.build();
		return new JobBuilder(JOB, jobs).flow(blastSnapshot).next(both).next(blastFinish).end().build();
	}

	/**
	 * No database transaction around each call: each slice commits in its own, and a step transaction would hold a
	 * second connection for the whole call, the wait after a failed slice included. A test run found a pool of 10 all
	 * taken for 30 s (13 to 15 waiting) while this step and both send workers each held one and asked for another.
	 */
	@Bean
	Step blastSnapshotSlices(JobRepository jobs, SnapshotSlicesTasklet blastSlices) {
		return new StepBuilder("snapshot-slices", jobs).tasklet(blastSlices, new ResourcelessTransactionManager()).build();
	}

	@Bean
	@StepScope
	SnapshotSlicesTasklet blastSlices(@Value("#{jobParameters['blastId']}") Long blastId, BlastHandover handover,
			Snapshot snapshot, TestHalt halt, DeliveryProperties properties, EngineSwitch engine,
			PlatformTransactionManager transactions) {
		return new SnapshotSlicesTasklet(blastId, handover, snapshot, halt, properties, engine::stopping,
				ownTransaction(transactions));
	}

	@Bean
	Step blastSnapshot(JobRepository jobs, PlatformTransactionManager transactions, SnapshotTasklet tasklet) {
		return new StepBuilder("snapshot", jobs).tasklet(tasklet, transactions).allowStartIfComplete(false).build();
	}

	/**
	 * Several workers send the blast side by side, each claiming its own chunks in its own transactions (as instances
	 * do): while one records a chunk and commits, the others' messages keep the SMTP connections busy. With one
	 * worker the senders waited a third of their time between chunks.
	 */
	@Bean
	Step blastSend(JobRepository jobs, Step blastSendWorker, DeliveryProperties properties) {
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("blast-send-");
		return new StepBuilder("send", jobs).partitioner("send-worker", new SimplePartitioner())
			.step(blastSendWorker)
			.gridSize(properties.workers())
			.taskExecutor(threads)
			.build();
	}

	@Bean
	Step blastSendWorker(JobRepository jobs, PlatformTransactionManager transactions, ClaimReader blastReader,
			ChunkWriter blastWriter) {
		// One item is one claimed chunk of deliveries: the reader may then end a chunk short (the last few, or a
		// single probe) without ending the step.
		return new StepBuilder("send-worker", jobs).<List<Delivery>, List<Delivery>>chunk(1)
			.transactionManager(transactions)
			.reader(blastReader)
			.writer(blastWriter)
			.build();
	}

	@Bean
	Step blastFinish(JobRepository jobs, PlatformTransactionManager transactions, FinishTasklet tasklet) {
		return new StepBuilder("finish", jobs).tasklet(tasklet, transactions).build();
	}

	@Bean
	@StepScope
	ClaimReader blastReader(@Value("#{jobParameters['blastId']}") Long blastId, BlastHandover handover, DeliveryStore store,
			PlatformTransactionManager transactions, DeliveryProperties properties, Clock clock, EngineSwitch engine,
			SendWorkers workers, Snapshot snapshot) {
		return new ClaimReader(blastId, handover, store, ownTransaction(transactions), properties, clock, engine::stopping,
				workers, snapshot::complete);
	}

	@Bean
	@StepScope
	ChunkWriter blastWriter(@Value("#{jobParameters['blastId']}") Long blastId, BlastHandover handover, BlastEmails emails,
			DeliveryStore store, MembershipLocks locks, Recipients recipients, DeliveryRate rate, ParallelSender sender,
			OutcomeRecorder recorder, DeliveryProgress progress, PlatformTransactionManager transactions) {
		return new ChunkWriter(blastId, new ChunkWriter.Parts(handover, emails, store, locks, recipients, rate, sender,
				recorder, progress, ownTransaction(transactions)));
	}

	/** Claims and releases commit on their own, whatever the chunk's transaction does. */
	static TransactionTemplate ownTransaction(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

}
