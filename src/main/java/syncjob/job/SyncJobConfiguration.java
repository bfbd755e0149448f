package syncjob.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import syncjob.binance.BinanceClient;
import syncjob.cli.Console;
import syncjob.cli.SyncSettings;
import syncjob.journal.IncomeStaging;
import syncjob.journal.ReconciliationStore;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.SyncNotifier;
import syncjob.journal.Watermarks;

/** {@code binanceSyncJob}: income step, partitioned symbol step, reconciliation step. */
@Configuration(proxyBeanMethods = false)
class SyncJobConfiguration {

	static final String JOB_NAME = "binanceSyncJob";

	static final String WORKER_STEP = "symbolBatch";

	private static final String JOB_PARAMETERS = "#{stepExecution.jobExecution.jobParameters}";

	@Bean
	Job binanceSyncJob(JobRepository jobRepository, Step incomeStep, Step symbolsStep, Step reconciliationStep,
			PartitionProgress progress, CurrentExecution current) {
		return new JobBuilder(JOB_NAME, jobRepository).start(incomeStep)
			.next(symbolsStep)
			.next(reconciliationStep)
			.listener(current)
			.listener(progress)
			.build();
	}

	@Bean
	Step incomeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, BinanceClient client,
			IncomeStaging staging, SyncSettings settings, ExchangeSnapshot snapshot, IncomeHorizon horizon) {
		return new StepBuilder("income", jobRepository)
			.tasklet(new IncomeTasklet(client, staging, settings, jobRepository, snapshot, horizon), transactionManager)
			.build();
	}

	@Bean
	Step symbolsStep(JobRepository jobRepository, SymbolBatchPartitioner partitioner, Step symbolBatchStep,
			TaskExecutor partitionExecutor) {
		// no gridSize: partitions are the 4-symbol batches, and the executor's pool bounds how
		// many run at once
		return new StepBuilder("symbols", jobRepository).partitioner(symbolBatchStep)
			.splitter(new BatchOrderSplitter(jobRepository, WORKER_STEP, partitioner))
			.taskExecutor(partitionExecutor)
			.build();
	}

	@Bean
	Step symbolBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SymbolHistoryReader symbolReader, SymbolProcessor symbolProcessor, SymbolOutcomeWriter symbolWriter,
			PartitionProgress progress, SyncSettings settings) {
		// One chunk per partition: the batch commits whole or not at all.
		return new StepBuilder(WORKER_STEP, jobRepository)
			.<FetchedSymbol, ProcessedSymbol>chunk(settings.symbolsPerPartition())
			.transactionManager(transactionManager)
			.reader(symbolReader)
			.processor(symbolProcessor)
			.writer(symbolWriter)
			.listener(progress)
			.build();
	}

	@Bean
	Step reconciliationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SymbolFiguresStore figures, IncomeStaging staging, ReconciliationStore reports,
			RejectedTradesStore rejected, Watermarks watermarks, Console console) {
		return new StepBuilder("reconciliation", jobRepository)
			.tasklet(new ReconciliationTasklet(figures, staging, reports, rejected, watermarks, console.out()),
					transactionManager)
			.build();
	}

	@Bean
	@StepScope
	SymbolBatchPartitioner symbolBatchPartitioner(
			@Value("#{jobExecutionContext['" + IncomeTasklet.SYMBOLS + "']}") String symbols, SyncSettings settings) {
		return new SymbolBatchPartitioner(symbols, settings.symbolsPerPartition());
	}

	@Bean
	@StepScope
	SymbolHistoryReader symbolReader(@Value("#{stepExecutionContext['symbols']}") String symbols,
			@Value(JOB_PARAMETERS) JobParameters parameters,
			@Value("#{stepExecution.jobExecution.executionContext}") ExecutionContext jobContext, BinanceClient client,
			ExchangeSnapshot snapshot, IncomeStaging staging, IncomeHorizon horizon, SyncSettings settings,
			CurrentExecution current) {
		return new SymbolHistoryReader(Arrays.asList(symbols.split(",")), SyncWindow.of(parameters), client, snapshot,
				staging, horizon, IncomeTasklet.incomeServedFrom(jobContext), settings.includeOrders(), current);
	}

	@Bean
	@StepScope
	SymbolProcessor symbolProcessor(@Value(JOB_PARAMETERS) JobParameters parameters) {
		return new SymbolProcessor(SyncWindow.of(parameters));
	}

	@Bean
	@StepScope
	SymbolOutcomeWriter symbolWriter(@Value("#{stepExecution.jobExecution.id}") Long executionId, DataSource dataSource,
			RejectedTradesStore rejected, SymbolFiguresStore figures) {
		return new SymbolOutcomeWriter(new CountingTradeWriter(dataSource, executionId), rejected, figures);
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

	@Bean
	PartitionProgress partitionProgress(SyncNotifier notifier, JobRepository jobRepository, Clock clock) {
		return new PartitionProgress(notifier, jobRepository, clock);
	}

	@Bean
	CurrentExecution currentExecution() {
		return new CurrentExecution();
	}

	@Bean
	RunningJobStopper runningJobStopper(CurrentExecution current, JobOperator jobOperator) {
		return new RunningJobStopper(current, jobOperator, Duration.ofSeconds(30));
	}

	@Bean
	ExchangeSnapshot exchangeSnapshot(BinanceClient client, Clock clock) {
		return new ExchangeSnapshot(client, clock);
	}

	@Bean
	IncomeHorizon incomeHorizon(BinanceClient client) {
		return new IncomeHorizon(client);
	}

}
