package syncjob.job;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import syncjob.binance.BinanceClient;
import syncjob.binance.BinanceCredentialsException;
import syncjob.binance.FetchStats;
import syncjob.cli.Restart;
import syncjob.cli.SyncJobCommand;
import syncjob.cli.SyncRequest;
import syncjob.cli.UsageException;
import syncjob.journal.AccountLock;
import syncjob.journal.AccountLocks;
import syncjob.journal.Watermarks;

/**
 * Runs the command: takes the account's lock, resolves the window (or finds the execution
 * to restart), checks the credentials with the run's first API call, launches, and keeps
 * the contract's exit code for {@link org.springframework.boot.SpringApplication#exit}.
 */
final class SyncLauncher implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(SyncLauncher.class);

	private static final Set<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED,
			BatchStatus.STARTED, BatchStatus.STARTING, BatchStatus.STOPPING, BatchStatus.UNKNOWN);

	private final SyncRequest request;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final AccountLocks locks;

	private final Watermarks watermarks;

	private final ExchangeSnapshot snapshot;

	private final Clock clock;

	private final PrintStream err;

	private final BinanceClient client;

	private volatile int exitCode = SyncJobCommand.EXIT_FAILED;

	SyncLauncher(SyncRequest request, JobOperator jobOperator, JobRepository jobRepository, Job job,
			AccountLocks locks, Watermarks watermarks, ExchangeSnapshot snapshot, Clock clock, PrintStream err,
			BinanceClient client) {
		this.request = request;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.locks = locks;
		this.watermarks = watermarks;
		this.snapshot = snapshot;
		this.clock = clock;
		this.err = err;
		this.client = client;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.exitCode = this.request.restart().isPresent() ? restart(this.request.restart().get()) : start();
		}
		catch (UsageException ex) {
			this.err.println("sync-job: " + ex.getMessage());
			this.exitCode = SyncJobCommand.EXIT_USAGE;
		}
		catch (BinanceCredentialsException ex) {
			this.err.println("sync-job: Binance refused the credentials: " + ex.getMessage()
					+ ". Check binance.api-key / binance.api-secret (BINANCE_API_KEY / BINANCE_API_SECRET), the key's "
					+ "futures read permission and its IP whitelist. Nothing was synced.");
			this.exitCode = SyncJobCommand.EXIT_USAGE;
		}
		catch (RuntimeException ex) {
			log.error("Run failed before the job could start: {}", ex.toString());
			this.err.println("sync-job: failed before the job started: " + ex.getMessage() + ". Run again when fixed.");
			this.exitCode = SyncJobCommand.EXIT_FAILED;
		}
		finally {
			// what the run cost, for operators watching their key's weight and for the benchmarks
			FetchStats stats = this.client.stats();
			log.info("Binance API: {} calls, weight {}, {} retries, {} rate limited (429), {} banned (418)",
					stats.calls(), stats.weight(), stats.retries(), stats.rateLimited(), stats.banned());
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private int start() throws UsageException {
		String account = this.request.account();
		try (AccountLock lock = lock(account)) {
			Instant to = this.request.to().orElseGet(() -> this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
			Instant from = this.request.from()
				.or(() -> this.watermarks.find(account))
				.orElseGet(() -> to.minus(this.request.days(), ChronoUnit.DAYS));
			if (!from.isBefore(to)) {
				log.info("Account {} is synced up to {}: nothing to do before {}", account, from, to);
				return SyncJobCommand.EXIT_OK;
			}
			SyncWindow window = new SyncWindow(account, from, to);
			this.snapshot.get();
			log.info("Syncing account {} from {} to {}", account, from, to);
			try {
				return exitCodeOf(this.jobOperator.start(this.job, window.toParameters()));
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				log.info("The window {} to {} of account {} was already synced completely: nothing to do", from, to,
						account);
				return SyncJobCommand.EXIT_OK;
			}
			catch (JobExecutionAlreadyRunningException ex) {
				// Holding the account lock proves the process that left it STARTED is gone.
				JobExecution stale = this.jobRepository.getLastJobExecution(SyncJobConfiguration.JOB_NAME,
						window.toParameters());
				if (stale == null || !lock.excludesOtherProcesses()) {
					throw new UsageException("an execution of this window is still marked running: if its process is "
							+ "gone, resume it with --restart");
				}
				return exitCodeOf(this.jobOperator.restart(recover(stale)));
			}
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private int restart(Restart restart) throws UsageException {
		JobExecution target = restart.executionId()
			.map(this::execution)
			.orElseGet(() -> mostRecentUnfinished()
				.orElseThrow(() -> new UsageException("there is no FAILED or STOPPED execution to restart")));
		String account = SyncWindow.of(target.getJobParameters()).account();
		try (AccountLock lock = lock(account)) {
			target = execution(target.getId());
			if (target.getStatus() == BatchStatus.COMPLETED || target.getStatus() == BatchStatus.ABANDONED) {
				throw new UsageException("execution " + target.getId() + " is " + target.getStatus()
						+ ": there is nothing to restart; run a new sync instead");
			}
			if (target.getStatus().isRunning() || hasStuckStep(target)) {
				if (!lock.excludesOtherProcesses()) {
					throw new UsageException("execution " + target.getId() + " is marked " + target.getStatus()
							+ " and this database cannot prove its process is gone");
				}
				log.warn("Execution {} was left {} by a process that is gone or lost its database: recovering it",
						target.getId(), target.getStatus());
				target = recover(target);
			}
			this.snapshot.get();
			SyncWindow window = SyncWindow.of(target.getJobParameters());
			log.info("Restarting execution {} of account {} ({} to {})", target.getId(), account, window.from(),
					window.to());
			return exitCodeOf(this.jobOperator.restart(target));
		}
		catch (JobRestartException ex) {
			throw new UsageException("execution " + target.getId() + " cannot be restarted: " + ex.getMessage());
		}
	}

	/**
	 * A step that a lost connection left UNKNOWN, or still marked running under a job that
	 * ended: Spring Batch refuses to restart past either.
	 */
	private static boolean hasStuckStep(JobExecution execution) {
		return execution.getStatus() == BatchStatus.UNKNOWN || execution.getStepExecutions()
			.stream()
			.anyMatch((step) -> step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning());
	}

	/**
	 * {@link JobOperator#recover} for the statuses it leaves alone too: Spring Batch marks a
	 * step UNKNOWN when it cannot save the step's metadata (the database connection was lost)
	 * and then refuses to restart it. Redoing such a step is safe here: a partition's rows and
	 * its checkpoint commit in one transaction, and every insert is idempotent.
	 */
	private JobExecution recover(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED);
				if (step.getEndTime() == null) {
					step.setEndTime(LocalDateTime.now());
				}
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED);
		if (execution.getEndTime() == null) {
			execution.setEndTime(LocalDateTime.now());
		}
		this.jobRepository.update(execution);
		return execution(execution.getId());
	}

	private JobExecution execution(long id) {
		JobExecution execution = this.jobRepository.getJobExecution(id);
		if (execution == null || !SyncJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			throw new UsageException("there is no sync execution with id " + id
					+ ": give an id from a failed run's message, or --restart alone for the most recent one");
		}
		return execution;
	}

	private Optional<JobExecution> mostRecentUnfinished() {
		return this.jobRepository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, 200)
			.stream()
			.map((JobInstance instance) -> this.jobRepository.getLastJobExecution(instance))
			.filter((execution) -> execution != null && UNFINISHED.contains(execution.getStatus()))
			.max(Comparator.comparingLong(JobExecution::getId));
	}

	private AccountLock lock(String account) {
		return this.locks.tryAcquire(account)
			.orElseThrow(() -> new UsageException("another sync of account '" + account
					+ "' is running: wait for it to finish (it is released when that process ends)"));
	}

	private int exitCodeOf(JobExecution execution) {
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			if (ReconciliationTasklet.COMPLETED_WITH_DIFFERENCES.equals(execution.getExitStatus().getExitCode())) {
				this.err.println("sync-job: execution " + execution.getId()
						+ " completed, but trades were rejected or differences remain: see the report above");
				return SyncJobCommand.EXIT_DIFFERENCES;
			}
			return SyncJobCommand.EXIT_OK;
		}
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof BinanceCredentialsException credentials) {
					throw credentials;
				}
			}
		}
		String cause = execution.getAllFailureExceptions()
			.stream()
			.findFirst()
			.map((t) -> ": " + t.getMessage())
			.orElse("");
		this.err.println("sync-job: execution " + execution.getId() + " ended " + status + cause
				+ ". Completed batches are kept; resume with --restart (or --restart=" + execution.getId() + ").");
		return SyncJobCommand.EXIT_FAILED;
	}

}
