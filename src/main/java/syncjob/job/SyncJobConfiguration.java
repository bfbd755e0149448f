package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import syncjob.binance.BinanceClient;
import syncjob.journal.IncomeStaging;
import syncjob.journal.OpenPositionsStore;
import syncjob.journal.ReconciliationStore;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.SyncNotifier;
import syncjob.journal.TradeDetailsBackfill;
import syncjob.journal.Watermarks;

/**
 * {@code binanceSyncJob}: income step, partitioned symbol step, reconciliation step (which also
 * rewrites the account's open-positions snapshot).
 */
@Configuration(proxyBeanMethods = false)
class SyncJobConfiguration {

	static final String JOB_NAME = "binanceSyncJob";

	static final String WORKER_STEP = "symbolBatch";

	/** Symbols fetched at once over all partitions, at most. */
	static final int SYMBOL_FETCH_THREADS = 32;

	/**
	 * Heap a symbol being fetched may need: with excursions on, the candles its trades' ranges
	 * span are held until its last klines answer (90 days of one-minute candles are about 30 MB).
	 */
	static final long HEAP_PER_SYMBOL_FETCH = 64L << 20;

	/**
	 * Symbols fetched at once on a heap of {@code maxHeapBytes}: one per
	 * {@link #HEAP_PER_SYMBOL_FETCH}, from 2 to {@link #SYMBOL_FETCH_THREADS} (all 32 from 2 GB up;
	 * 4 at -Xmx256m, where 16 busy symbols at once spent the run collecting garbage).
	 */
	static int symbolFetchThreads(long maxHeapBytes) {
		return (int) Math.max(2, Math.min(SYMBOL_FETCH_THREADS, maxHeapBytes / HEAP_PER_SYMBOL_FETCH));
	}

	/** Set by the command line when the live status line is drawn (a console, plain logs). */
	static final String TERMINAL = "syncjob.terminal";

	/** The income step's work as a worker runs it with {@code --role=manager}. */
	static final String INCOME_WORK_STEP = "incomeWork";

	private static final String STEP_EXECUTION = "#{stepExecution}";

	@Bean
	Job binanceSyncJob(JobRepository jobRepository, Step incomeStep, Step symbolsStep, Step reconciliationStep,
			PartitionProgress progress, CurrentExecution current, StatusTicker ticker, LogContext logContext,
			MetricsAccount metricsAccount, JobMetrics metrics) {
		return new JobBuilder(JOB_NAME, jobRepository).start(incomeStep)
			.next(symbolsStep)
			.next(reconciliationStep)
			.listener(logContext)
			// afterJob runs in reverse order: the execution counts as finished (for a SIGTERM's wait) last
			.listener(current)
			// before the others: the meters registered from the job's start on carry its account
			.listener(metricsAccount)
			.listener(metrics)
			.listener(progress)
			.listener(ticker)
			.build();
	}

	/** In this process, or with {@code --role=manager} as one partition run by a worker. */
	@Bean
	Step incomeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet incomeTasklet, ObjectProvider<RemotePartitions> remotePartitions) {
		RemotePartitions remote = remotePartitions.getIfAvailable();
		if (remote != null) {
			return new StepBuilder("income", jobRepository)
				.partitioner(INCOME_WORK_STEP, (gridSize) -> Map.of("all", new ExecutionContext()))
				.partitionHandler(remote.income())
				.build();
		}
		return incomeWorkStep(jobRepository, transactionManager, incomeTasklet, "income");
	}

	/** The income tasklet as a step named {@code name}: the job's own, or the one a worker runs. */
	static Step incomeWorkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet incomeTasklet, String name) {
		return new StepBuilder(name, jobRepository).tasklet(incomeTasklet, transactionManager).build();
	}

	/** Step-scoped, so the Binance client is built only when a run gets to the exchange. */
	@Bean
	@StepScope
	Tasklet incomeTasklet(BinanceClient client, IncomeStaging staging, SyncSettings settings,
			JobRepository jobRepository, ExchangeSnapshot snapshot, IncomeHorizon horizon, SymbolFetchers fetchers) {
		return new IncomeTasklet(client, staging, settings, jobRepository, snapshot, horizon, fetchers.ownThread());
	}

	/**
	 * Partitions run on this process's threads, or with {@code --role=manager} on remote workers
	 * (the handler of {@link RemoteManagerConfiguration}).
	 */
	@Bean
	Step symbolsStep(JobRepository jobRepository, SymbolBatchPartitioner partitioner, Step symbolBatchStep,
			TaskExecutor partitionExecutor, ObjectProvider<RemotePartitions> remotePartitions) {
		// no gridSize: the partitions are the batches of sync.symbols-per-partition symbols, and
		// the executor's pool (sync.max-parallel-partitions) bounds how many run at once
		PartitionStepBuilder builder = new StepBuilder("symbols", jobRepository).partitioner(symbolBatchStep)
			.splitter(new BatchOrderSplitter(jobRepository, WORKER_STEP, partitioner));
		RemotePartitions remote = remotePartitions.getIfAvailable();
		return (remote != null ? builder.partitionHandler(remote.symbols()) : builder.taskExecutor(partitionExecutor))
			.build();
	}

	@Bean
	Step symbolBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SymbolHistoryReader symbolReader, SymbolProcessor symbolProcessor, SymbolOutcomeWriter symbolWriter,
			PartitionProgress progress, SyncSettings settings, LogContext logContext) {
		// One chunk per partition: the batch commits whole or not at all.
		return new StepBuilder(WORKER_STEP, jobRepository)
			.<FetchedSymbol, ProcessedSymbol>chunk(settings.symbolsPerPartition())
			.transactionManager(transactionManager)
			.reader(symbolReader)
			.processor(symbolProcessor)
			.writer(symbolWriter)
			.listener(logContext)
			.listener(progress)
			.build();
	}

	@Bean
	Step reconciliationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SymbolFiguresStore figures, IncomeStaging staging, ReconciliationStore reports,
			RejectedTradesStore rejected, Watermarks watermarks, OpenPositionsStore openPositions,
			ReconciliationReports printed) {
		return new StepBuilder("reconciliation", jobRepository)
			.tasklet(new ReconciliationTasklet(figures, staging, reports, rejected, watermarks, openPositions,
					printed), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	SymbolBatchPartitioner symbolBatchPartitioner(@Value(STEP_EXECUTION) StepExecution step, SyncSettings settings) {
		return new SymbolBatchPartitioner(SymbolsToSync.read(step.getJobExecution().getExecutionContext()),
				settings.symbolsPerPartition());
	}

	@Bean
	@StepScope
	SymbolHistoryReader symbolReader(@Value(STEP_EXECUTION) StepExecution step, BinanceClient client,
			ExchangeSnapshot snapshot, IncomeStaging staging, IncomeHorizon horizon, SyncSettings settings,
			CurrentExecution current, SymbolFetchers symbolFetchers) {
		// a remote manager's reading when it shared one (SharedSnapshot), else this process's
		return new SymbolHistoryReader(PartitionContext.of(step).symbols(), windowOf(step), client,
				() -> snapshot.forJob(step.getJobExecution().getExecutionContext()), staging,
				horizon, ServedIncome.read(step.getJobExecution().getExecutionContext()), settings, current,
				symbolFetchers);
	}

	@Bean
	@StepScope
	SymbolProcessor symbolProcessor(@Value(STEP_EXECUTION) StepExecution step) {
		return new SymbolProcessor(windowOf(step));
	}

	@Bean
	@StepScope
	SymbolOutcomeWriter symbolWriter(@Value(STEP_EXECUTION) StepExecution step, DataSource dataSource,
			TradeDetailsBackfill backfill, RejectedTradesStore rejected, SymbolFiguresStore figures,
			OpenPositionsStore openPositions) {
		return new SymbolOutcomeWriter(step, new CountingTradeWriter(dataSource, step.getJobExecution().getId()),
				backfill, rejected, figures, openPositions);
	}

	@Bean
	TaskExecutor partitionExecutor(SyncSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.maxParallelPartitions());
		executor.setMaxPoolSize(settings.maxParallelPartitions());
		executor.setThreadNamePrefix("partition-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.initialize();
		return executor;
	}

	/**
	 * Fetches the symbols of every running partition, shared by all of them: threads mostly wait
	 * for the exchange, whose requests in flight the client bounds anyway. Each may briefly take a
	 * connection of its own for the klines cache, which is why the pool has room for them. A
	 * symbol's orders are asked on a thread of their own, never queued behind the symbols
	 * waiting for them.
	 */
	@Bean
	SymbolFetchers symbolFetchers() {
		ThreadPoolTaskExecutor symbols = new ThreadPoolTaskExecutor();
		int threads = symbolFetchThreads(Runtime.getRuntime().maxMemory());
		symbols.setCorePoolSize(threads);
		symbols.setMaxPoolSize(threads);
		symbols.setThreadNamePrefix("symbol-fetch-");
		symbols.setDaemon(true);
		symbols.setTaskDecorator(LogContext::carried);
		symbols.initialize();
		SimpleAsyncTaskExecutor ownThread = new SimpleAsyncTaskExecutor("beside-");
		ownThread.setDaemon(true);
		ownThread.setTaskDecorator(LogContext::carried);
		return new SymbolFetchers(symbols, ownThread);
	}

	@Bean
	PartitionProgress partitionProgress(SyncNotifier notifier, JobRepository jobRepository, Clock clock,
			RunStatus status) {
		return new PartitionProgress(notifier, jobRepository, clock, status);
	}

	@Bean
	LogContext logContext() {
		return new LogContext();
	}

	@Bean
	RunStatus runStatus() {
		return new RunStatus();
	}

	/**
	 * The live line on a terminal, the heartbeat elsewhere. The command line says which: it
	 * sets {@value #TERMINAL} when standard output is a console and the logs are not JSON.
	 */
	@Bean
	StatusTicker statusTicker(RunStatus status, Clock clock, Environment environment) {
		boolean terminal = environment.getProperty(TERMINAL, Boolean.class, false);
		return new StatusTicker(status, clock, terminal ? Optional.of(System.out) : Optional.empty());
	}

	@Bean
	CurrentExecution currentExecution() {
		return new CurrentExecution();
	}

	@Bean
	RunningJobStopper runningJobStopper(CurrentExecution current, JobOperator jobOperator) {
		return new RunningJobStopper(current, jobOperator, Duration.ofSeconds(30));
	}

	private static SyncWindow windowOf(StepExecution step) {
		return SyncWindow.of(step.getJobExecution().getJobParameters());
	}

	/** Lazy like the client it asks: a run that never reaches the exchange builds neither. */
	@Bean
	@Lazy
	IncomeHorizon incomeHorizon(BinanceClient client) {
		return new IncomeHorizon(client);
	}

}
