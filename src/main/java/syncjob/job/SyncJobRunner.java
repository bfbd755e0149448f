package syncjob.job;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;

import syncjob.binance.BinanceClient;
import syncjob.binance.BinanceCredentialsException;
import syncjob.binance.BinanceSettings;
import syncjob.binance.FetchStats;
import syncjob.command.Restart;
import syncjob.command.SyncOutcome;
import syncjob.command.SyncRequest;
import syncjob.command.SyncRunner;
import syncjob.journal.AccountLock;
import syncjob.journal.AccountLocks;
import syncjob.journal.Databases;

/**
 * Runs a request: holds the account's lock, resolves the window or finds the execution to
 * restart (recovering it when its process is gone), checks the credentials with the run's
 * first API call, launches, and tells what happened. It prints nothing for the operator: the
 * command line words the outcome.
 */
final class SyncJobRunner implements SyncRunner {

	private static final Logger log = LoggerFactory.getLogger(SyncJobRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final AccountLocks locks;

	private final WindowResolver windows;

	private final RestartTargets targets;

	private final StaleExecutionRecovery recovery;

	private final ExitCodes exitCodes;

	private final ExchangeSnapshot snapshot;

	private final BinanceSettings binance;

	private final ObjectProvider<BinanceClient> client;

	private final ReconciliationReports reports;

	private final DataSource dataSource;

	SyncJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, AccountLocks locks,
			WindowResolver windows, ExchangeSnapshot snapshot, BinanceSettings binance,
			ObjectProvider<BinanceClient> client, ReconciliationReports reports, DataSource dataSource) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.locks = locks;
		this.windows = windows;
		this.targets = new RestartTargets(jobRepository);
		this.recovery = new StaleExecutionRecovery(jobOperator, jobRepository);
		this.exitCodes = new ExitCodes();
		this.snapshot = snapshot;
		this.binance = binance;
		this.client = client;
		this.reports = reports;
		this.dataSource = dataSource;
	}

	@Override
	public SyncOutcome run(SyncRequest request) {
		try {
			Optional<Restart> restart = request.restart();
			if (restart.isPresent()) {
				return restart(restart.get());
			}
			return start(request);
		}
		catch (BinanceCredentialsException ex) {
			return new SyncOutcome.CredentialsRefused(ex.getMessage());
		}
		catch (JobRestartException | InvalidJobParametersException | RuntimeException ex) {
			log.error("Run failed before the job could start: {}", ex.toString());
			return new SyncOutcome.FailedToStart(ex.getMessage());
		}
		finally {
			logApiCost();
		}
	}

	private SyncOutcome start(SyncRequest request) throws JobRestartException, InvalidJobParametersException {
		List<String> missing = this.binance.credentialProblems();
		if (!missing.isEmpty()) {
			return new SyncOutcome.MissingSettings(missing);
		}
		Optional<AccountLock> held = this.locks.tryAcquire(request.account());
		if (held.isEmpty()) {
			return new SyncOutcome.AccountLocked(request.account());
		}
		try (AccountLock lock = held.get()) {
			Optional<SyncWindow> resolved = this.windows.resolve(request);
			if (resolved.isEmpty()) {
				log.info("Account {} is synced up to {}: nothing to do", request.account(),
						this.windows.syncedTo(request));
				return new SyncOutcome.UpToDate(request.account(), this.windows.syncedTo(request),
						request.to().orElse(this.windows.syncedTo(request)));
			}
			SyncWindow window = resolved.get();
			this.snapshot.get();
			log.info("Syncing account {} from {} to {}", window.account(), window.from(), window.to());
			try {
				return ran(this.jobOperator.start(this.job, window.toParameters(this.binance.displayBaseUrl())));
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				log.info("The window {} to {} of account {} was already synced completely: nothing to do",
						window.from(), window.to(), window.account());
				return new SyncOutcome.UpToDate(window.account(), window.to(), window.to());
			}
			catch (JobExecutionAlreadyRunningException ex) {
				// Holding the account lock proves the process that left it STARTED is gone.
				JobExecution stale = this.jobRepository.getLastJobExecution(SyncJobConfiguration.JOB_NAME,
						window.toParameters());
				if (stale == null || !lock.excludesOtherProcesses()) {
					return new SyncOutcome.StillRunning(Optional.ofNullable(stale).map(JobExecution::getId),
							stale == null ? "STARTED" : stale.getStatus().name());
				}
				return ran(this.jobOperator.restart(this.recovery.recover(stale)));
			}
		}
	}

	private SyncOutcome restart(Restart restart) throws JobRestartException {
		String database = Databases.describe(this.dataSource);
		Optional<JobExecution> found = restart.executionId().isPresent()
				? this.targets.byId(restart.executionId().get()) : this.targets.mostRecentUnfinished(restart.account());
		if (found.isEmpty()) {
			return restart.executionId().<SyncOutcome>map((id) -> new SyncOutcome.NoSuchExecution(id, database))
				.orElseGet(() -> new SyncOutcome.NothingToRestart(database));
		}
		JobExecution target = found.get();
		if (RestartTargets.isFinished(target)) {
			return new SyncOutcome.NotRestartable(target.getId(), target.getStatus().name(), database);
		}
		Optional<String> exchange = SyncWindow.exchangeOf(target.getJobParameters());
		if (exchange.isPresent() && !exchange.get().equals(this.binance.displayBaseUrl())) {
			return new SyncOutcome.OtherExchange(target.getId(), exchange.get(), this.binance.displayBaseUrl());
		}
		List<String> missing = this.binance.credentialProblems();
		if (!missing.isEmpty()) {
			return new SyncOutcome.MissingSettings(missing);
		}
		SyncWindow window = SyncWindow.of(target.getJobParameters());
		Optional<AccountLock> held = this.locks.tryAcquire(window.account());
		if (held.isEmpty()) {
			return new SyncOutcome.AccountLocked(window.account());
		}
		try (AccountLock lock = held.get()) {
			// read again under the lock: another process may have finished it meanwhile
			target = this.jobRepository.getJobExecution(target.getId());
			if (RestartTargets.isFinished(target)) {
				return new SyncOutcome.NotRestartable(target.getId(), target.getStatus().name(), database);
			}
			if (StaleExecutionRecovery.isStale(target)) {
				if (!lock.excludesOtherProcesses()) {
					return new SyncOutcome.StillRunning(Optional.of(target.getId()), target.getStatus().name());
				}
				target = this.recovery.recover(target);
			}
			this.snapshot.get();
			log.info("Restarting execution {} of account {} ({} to {})", target.getId(), window.account(),
					window.from(), window.to());
			return ran(this.jobOperator.restart(target));
		}
	}

	private SyncOutcome ran(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof BinanceCredentialsException credentials) {
					throw credentials;
				}
			}
		}
		SyncWindow window = SyncWindow.of(execution.getJobParameters());
		// the cause, not Spring Batch's wrapping ("Unable to process chunk", "Partition handler returned an
		// unsuccessful step"): the operator needs the endpoint, the symbol and what went wrong
		List<String> failures = execution.getAllFailureExceptions()
			.stream()
			.sorted(Comparator.comparing((Throwable t) -> t.getCause() == null))
			.map(NestedExceptionUtils::getMostSpecificCause)
			.map((t) -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
			.distinct()
			.toList();
		return new SyncOutcome.Ran(execution.getId(), window.account(), window.from(), window.to(),
				execution.getStatus().name(), failures, this.reports.take(execution.getId()),
				this.exitCodes.of(execution));
	}

	/** What the run cost, for operators watching their key's weight and for the benchmarks. */
	private void logApiCost() {
		if (!this.snapshot.reached()) {
			// the run never reached the exchange, and never built a client
			return;
		}
		FetchStats stats = this.client.getObject().stats();
		// the klines part apart (included in the totals): scripts/bench compares it with the minimal plan
		log.info("Binance API: {} calls, weight {}, {} retries, {} rate limited (429), {} banned (418); "
				+ "klines {} calls, weight {}", stats.calls(), stats.weight(), stats.retries(), stats.rateLimited(),
				stats.banned(), stats.klinesCalls(), stats.klinesWeight());
	}

}
