package syncjob.job;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.AsyncTaskExecutor;

import syncjob.binance.BinanceClient;
import syncjob.binance.IncomeHistory;
import syncjob.journal.IncomeStaging;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;

/**
 * Step 1: fetch the window's income, stage it idempotently and derive the symbols to sync
 * (those with realized PnL or commission in the window, plus {@code sync.symbols}). The
 * symbols go to the job's execution context ({@link SymbolsToSync}), with where Binance's income
 * begins when the window reaches that far ({@link ServedIncome}), so a restart partitions and
 * judges exactly as before. Step-scoped, so the Binance client is built only when a run gets here.
 */
final class IncomeTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IncomeTasklet.class);

	/** Database sessions inserting income at once: two keep PostgreSQL busy on a small machine. */
	private static final int STAGING_CONNECTIONS = 2;

	private final BinanceClient client;

	private final IncomeStaging staging;

	private final SyncSettings settings;

	private final JobRepository jobRepository;

	private final ExchangeSnapshot snapshot;

	private final IncomeHorizon horizon;

	private final AsyncTaskExecutor background;

	IncomeTasklet(BinanceClient client, IncomeStaging staging, SyncSettings settings, JobRepository jobRepository,
			ExchangeSnapshot snapshot, IncomeHorizon horizon, AsyncTaskExecutor background) {
		this.background = background;
		this.client = client;
		this.staging = staging;
		this.settings = settings;
		this.jobRepository = jobRepository;
		this.snapshot = snapshot;
		this.horizon = horizon;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		SyncWindow window = SyncWindow.of(job.getJobParameters());
		// income up to the moment positions were read: every fill since from must match its income
		// a remote manager's reading when it shared one (on a worker), else this process's
		Instant now = this.snapshot.forJob(job.getExecutionContext()).at();
		Instant end = now.isAfter(window.to()) ? now : window.to();
		// where Binance's income begins is asked while the income is fetched: neither needs the other
		Future<Optional<Instant>> horizonAsked = this.background
			.submit(() -> this.horizon.servedFrom(window.from(), now));
		// operators (and the crash tests) see that the run is inside the income step
		log.info("Income step fetching income {} to {}", window.from(), end);
		Set<String> symbols = new TreeSet<>(this.settings.symbols());
		int[] records = new int[1];
		int staged;
		IncomeHistory income;
		// staged page by page (a large account's income does not fit in the heap at once), on
		// other connections while the next page is fetched
		try (ConcurrentStaging staging = new ConcurrentStaging(this.staging, window.account(), job.getId(),
				STAGING_CONNECTIONS)) {
			income = this.client.income(window.from(), end, (page) -> {
				records[0] += page.size();
				for (IncomeRecord record : page) {
					if (!record.symbol().isEmpty() && record.time().isBefore(window.to())
							&& (record.is(IncomeType.REALIZED_PNL) || record.is(IncomeType.COMMISSION))) {
						symbols.add(record.symbol());
					}
				}
				staging.submit(page);
			});
			staged = staging.finish();
		}
		// the batches read their income by symbol: the planner must know how much there is
		this.staging.refreshStatistics(staged);
		Optional<Instant> servedFrom = Futures.await(horizonAsked, "asking where Binance's income begins");
		servedFrom.filter(window.from()::isBefore)
			.ifPresent((horizon) -> log.warn("from={} is older than the income Binance serves (from {} on): "
				+ "the window is reconciled from {}, trades open before it carry a warning for the funding not served, "
				+ "and symbols traded only before it are synced only if listed in sync.symbols", window.from(), horizon,
				horizon));
		SymbolsToSync.write(job.getExecutionContext(), symbols);
		ServedIncome.write(job.getExecutionContext(), servedFrom);
		this.jobRepository.updateExecutionContext(job);
		ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		step.putInt("incomeRecords", records[0]);
		step.putInt("incomeStagedNew", staged);
		step.putInt("calls", income.calls());
		step.putInt("weight", income.weight());
		contribution.incrementWriteCount(staged);
		int batches = SymbolBatchPartitioner.batchCount(symbols.size(), this.settings.symbolsPerPartition());
		log.info("Income {} to {}: {} records ({} new), {} symbols to sync in {} batches", window.from(), end,
				records[0], staged, symbols.size(), batches);
		return RepeatStatus.FINISHED;
	}

}
