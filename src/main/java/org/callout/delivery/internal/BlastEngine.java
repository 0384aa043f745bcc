package org.callout.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs this instance's executions of the blast job: takes READY blasts off the handover queue, joins every blast
 * being sent (each instance its own execution, job parameters blast id and instance id; the deliveries' claims
 * decide who sends what), restarts its own stopped or failed executions when their blast may go on, and recovers
 * executions left running by a crash: its own at start-up (then restarts them), and those of any instance whose
 * heartbeat stopped (their records pass to this instance's own execution). It polls every poll interval, and at
 * once when woken ({@link #wake}: a blast made READY or resumed on this instance); the poll stays the safety net for
 * what a wake-up does not reach (another instance's blasts, a wake-up lost in a restart).
 */
@Component
class BlastEngine implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BlastEngine.class);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(10);

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final BlastHandover handover;

	private final EngineInstances instances;

	private final Snapshot snapshot;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final ExecutorService runners;

	private final EngineSwitch engineSwitch;

	// One poll at a time, whether the schedule or a wake-up runs it: it counts this instance's executions against
	// concurrent-blasts before each claim, which two polls at once could both pass.
	private final ReentrantLock polling = new ReentrantLock();

	private final ExecutorService waker = Executors.newSingleThreadExecutor(
			Thread.ofPlatform().name("blast-engine-wake").daemon().factory());

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	// Executions running in this JVM, by "blast/owner": never a second one for the same job instance.
	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();

	private volatile boolean ready;

	private volatile boolean stopping;

	BlastEngine(JobOperator operator, JobRepository repository, Job blastJob, BlastHandover handover,
			EngineInstances instances, Snapshot snapshot, DeliveryProperties properties, Clock clock,
			EngineSwitch engineSwitch) {
		this.engineSwitch = engineSwitch;
		this.operator = operator;
		this.snapshot = snapshot;
		this.repository = repository;
		this.job = blastJob;
		this.handover = handover;
		this.instances = instances;
		this.properties = properties;
		this.clock = clock;
		this.runners = Executors.newFixedThreadPool(properties.concurrentBlasts() + 1,
				Thread.ofPlatform().name("blast-job-", 1).daemon().factory());
	}

	/** A killed JVM leaves its executions STARTED: mark ours FAILED (recover) so they can be restarted. */
	@EventListener(ApplicationReadyEvent.class)
	void recoverOwn() {
		instances.beat();
		for (JobExecution execution : repository.findRunningJobExecutions(BlastJobConfiguration.JOB)) {
			if (instances.me().equals(owner(execution))) {
				operator.recover(execution);
				log.info("Recovered execution {} of blast {} left running when this instance stopped", execution.getId(),
						blast(execution));
			}
		}
		ready = true;
	}

	/**
	 * Polls now, on the engine's own thread, without waiting for the interval; returns at once. Wake-ups that come
	 * while one is queued are the same one; one that comes while a poll runs makes another after it, so a blast
	 * queued just after a poll's claim is not left for the interval.
	 */
	void wake() {
		if (stopping || !wakeQueued.compareAndSet(false, true)) {
			return;
		}
		try {
			waker.execute(() -> {
				wakeQueued.set(false);
				poll();
			});
		}
		catch (RejectedExecutionException ex) {
			wakeQueued.set(false); // Shutting down: nothing more is taken up.
		}
	}

	@Scheduled(fixedDelayString = "${callout.delivery.poll-interval:2s}", initialDelayString = "${callout.delivery.poll-interval:2s}")
	void poll() {
		if (!ready || stopping || !properties.enabled()) {
			return;
		}
		polling.lock();
		try {
			pollOnce();
		}
		finally {
			polling.unlock();
		}
	}

	private void pollOnce() {
		try {
			instances.beat();
			recoverDead();
			while (busy() < properties.concurrentBlasts()) {
				var claimed = handover.claim(instances.me());
				if (claimed.isEmpty()) {
					break;
				}
				launch(claimed.get().blastId());
			}
			// Those being sent, and those whose run is not finished though nothing will be sent any more: a blast
			// cancelled, or past its send-by, while an organizer had it paused (its execution stopped) still has open
			// deliveries, and only an execution closes them (skipped, expired) and finishes the run.
			Set<Long> blasts = new TreeSet<>(handover.inProgress());
			blasts.addAll(snapshot.unfinished());
			for (long blastId : blasts) {
				if (busy() >= properties.concurrentBlasts()) {
					break;
				}
				BlastPlan plan = handover.plan(blastId).orElse(null);
				boolean mayGoOn = plan != null && (plan.sending() || plan.pausedByRelay() || plan.over()
						|| plan.pastSendBy(clock.instant()));
				Instant wait = notBefore.get(blastId);
				if (mayGoOn && (wait == null || !clock.instant().isBefore(wait))) {
					launch(blastId);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("The blast engine's poll failed; it tries again in {}", properties.pollInterval(), ex);
		}
	}

	/**
	 * Executions a dead instance left running are recovered (marked FAILED, with an end time), so the job repository
	 * tells the truth and that instance restarts them when it comes back. They are not restarted here: this instance's
	 * own execution of the blast claims the same records (the dead one's after their heartbeat expires), and running
	 * the dead instance's job instance here would let that instance, restarting, take it for its own crash's leftover.
	 */
	private void recoverDead() {
		for (JobExecution execution : repository.findRunningJobExecutions(BlastJobConfiguration.JOB)) {
			String owner = owner(execution);
			if (!instances.me().equals(owner) && !instances.alive(owner)) {
				operator.recover(execution);
				log.warn("Instance {} stopped beating; recovered its execution {} of blast {}; this instance's own "
						+ "execution takes over its records", owner, execution.getId(), blast(execution));
			}
		}
	}

	private int busy() {
		return running.size();
	}

	private void launch(long blastId) {
		String owner = instances.me();
		String key = blastId + "/" + owner;
		if (!running.add(key)) {
			return;
		}
		runners.execute(() -> {
			try {
				JobExecution done = run(blastId, owner);
				if (done != null && done.getStatus() == BatchStatus.FAILED) {
					notBefore.put(blastId, clock.instant().plus(AFTER_FAILURE));
					log.warn("Blast {}: execution {} failed ({}); it is restarted in {}", blastId, done.getId(),
							done.getExitStatus().getExitDescription(), AFTER_FAILURE);
				}
			}
			catch (Exception ex) {
				notBefore.put(blastId, clock.instant().plus(AFTER_FAILURE));
				log.warn("Blast {}: its execution could not be run; tried again in {}", blastId, AFTER_FAILURE, ex);
			}
			finally {
				running.remove(key);
			}
		});
	}

	private JobExecution run(long blastId, String owner) throws Exception {
		JobParameters parameters = new JobParametersBuilder().addLong("blastId", blastId)
			.addString("instanceId", owner)
			.toJobParameters();
		JobExecution last = repository.getLastJobExecution(BlastJobConfiguration.JOB, parameters);
		if (last == null) {
			return operator.start(job, parameters);
		}
		return switch (last.getStatus()) {
			case COMPLETED, ABANDONED -> null; // This instance's part of the blast is done.
			case STOPPED, FAILED -> operator.restart(last);
			default -> {
				// Left running by this instance before a crash, and not recovered at start-up (a race with it).
				yield operator.restart(operator.recover(last));
			}
		};
	}

	private static String owner(JobExecution execution) {
		return execution.getJobParameters().getString("instanceId");
	}

	private static long blast(JobExecution execution) {
		return execution.getJobParameters().getLong("blastId");
	}

	/**
	 * A normal stop: every execution stops at its next read (its chunk in flight is sent and recorded first), so a
	 * restart, here or elsewhere, resends nothing.
	 */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		engineSwitch.stop();
		// Not shutdownNow: an interrupt in the middle of a poll's JDBC call can close H2's file channel.
		waker.shutdown();
		runners.shutdown();
		if (!runners.awaitTermination(20, TimeUnit.SECONDS)) {
			log.warn("Blast executions still running at shutdown; their claims are taken back at the next start");
			runners.shutdownNow();
		}
	}

}
