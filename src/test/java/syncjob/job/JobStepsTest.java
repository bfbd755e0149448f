package syncjob.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import syncjob.SyncJobApplication;
import syncjob.binance.BinanceSettings;
import syncjob.command.SyncRunner;
import syncjob.job.PartitionContext.Counter;
import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.OpenPosition;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.StreamKey;
import syncjob.lifecycle.SymbolFigures;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.TradeResult;
import syncjob.lifecycle.ValidationStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's context started from properties alone, no command line and no credentials, and
 * its pieces run one at a time with spring-batch-test: the partitioner and the writer in step
 * scope, the reconciliation step launched by itself.
 */
@SpringBootTest(classes = SyncJobApplication.class)
@SpringBatchTest
class JobStepsTest {

	private static final Instant TO = Instant.parse("2026-11-28T00:00:00Z");

	private static final Instant FROM = TO.minus(Duration.ofDays(30));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:steps" + UUID.randomUUID().toString().replace("-", "")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		registry.add("sync.symbols-per-partition", () -> "2");
	}

	@Autowired
	private SyncRunner runner;

	@Autowired
	private SyncSettings sync;

	@Autowired
	private BinanceSettings binance;

	@Autowired
	private SymbolBatchPartitioner partitioner;

	@Autowired
	private SymbolOutcomeWriter writer;

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ReconciliationReports reports;

	@Test
	void theJobContextStartsFromPropertiesAloneWithBoundSettings() {
		assertThat(this.runner).isInstanceOf(SyncJobRunner.class);
		assertThat(this.sync.symbolsPerPartition()).isEqualTo(2);
		assertThat(this.sync.maxParallelPartitions())
			.isEqualTo(SyncSettings.defaultMaxParallelPartitions(Runtime.getRuntime().maxMemory()));
		assertThat(this.binance.paging()).isEqualTo(syncjob.binance.PagingMode.AUTO);
		assertThat(this.binance.credentialProblems()).as("none needed to start").hasSize(2);
	}

	@Test
	void thePartitionerMakesSortedBatchesOfTheConfiguredSize() throws Exception {
		// ids of their own: the test listener keeps a step context for the default ones
		StepExecution step = MetaDataInstanceFactory.createStepExecution(
				MetaDataInstanceFactory.createJobExecution("binanceSyncJob", 61L, 610L,
						new SyncWindow("partitions", FROM, TO).toParameters()),
				"symbols", 6100L);
		SymbolsToSync.write(step.getJobExecution().getExecutionContext(),
				List.of("XRPUSDT", "ADAUSDT", "SOLUSDT", "BTCUSDT", "ETHUSDT"));

		Map<String, ExecutionContext> partitions = StepScopeTestUtils.doInStepScope(step,
				() -> this.partitioner.partition(0));

		assertThat(partitions).containsOnlyKeys("batch-001", "batch-002", "batch-003");
		PartitionContext second = PartitionContext.of(partitions.get("batch-002"));
		assertThat(second.symbols()).containsExactly("ETHUSDT", "SOLUSDT");
		assertThat(second.batch()).isEqualTo(2);
		assertThat(second.batchCount()).isEqualTo(3);
		assertThat(PartitionContext.of(partitions.get("batch-003")).symbols()).containsExactly("XRPUSDT");
	}

	@Test
	void theWriterInsertsIdempotentlyAndCountsIntoThePartitionContext() throws Exception {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(
				MetaDataInstanceFactory.createJobExecution("binanceSyncJob", 71L, 710L,
						new SyncWindow("writer", FROM, TO).toParameters()),
				"symbolBatch:batch-001", 7100L);
		step.setExecutionContext(PartitionContext.create(1, 1, List.of("BTCUSDT")));
		Chunk<ProcessedSymbol> chunk = new Chunk<>(List.of(processed("BTCUSDT-LONG-1"), processed("BTCUSDT-LONG-2")));

		StepScopeTestUtils.doInStepScope(step, () -> {
			this.writer.write(chunk);
			this.writer.write(chunk);
			return null;
		});

		PartitionContext context = PartitionContext.of(step);
		assertThat(context.count(Counter.INSERTED)).isEqualTo(2);
		assertThat(context.count(Counter.DUPLICATES_SKIPPED)).isEqualTo(2);
		assertThat(context.count(Counter.FILLS_FETCHED)).isEqualTo(4 * 3);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM trade_entries WHERE account = 'writer' AND job_execution_id = 710", Long.class))
			.isEqualTo(2);
	}

	@Test
	void theWriterCountsEveryRowOfASymbolWithMoreTradesThanOneJdbcBatch() throws Exception {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(
				MetaDataInstanceFactory.createJobExecution("binanceSyncJob", 72L, 720L,
						new SyncWindow("busy", FROM, TO).toParameters()),
				"symbolBatch:batch-001", 7200L);
		step.setExecutionContext(PartitionContext.create(1, 1, List.of("BTCUSDT")));
		int first = CountingTradeWriter.STATEMENTS_PER_BATCH * 2 + 3;
		int more = CountingTradeWriter.STATEMENTS_PER_BATCH + 7;

		// the same symbol twice: once with its first trades, then with those again and more after them
		StepScopeTestUtils.doInStepScope(step, () -> {
			this.writer.write(new Chunk<>(List.of(busy(0, first))));
			this.writer.write(new Chunk<>(List.of(busy(0, first + more))));
			return null;
		});

		PartitionContext context = PartitionContext.of(step);
		assertThat(context.count(Counter.INSERTED)).isEqualTo(first + more);
		assertThat(context.count(Counter.DUPLICATES_SKIPPED)).isEqualTo(first);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM trade_entries WHERE account = 'busy' AND job_execution_id = 720", Long.class))
			.isEqualTo(first + more);
	}

	@Test
	void theWriterStagesTheOpenStreamsAndFillsWhatAnExistingRowLacks() throws Exception {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(
				MetaDataInstanceFactory.createJobExecution("binanceSyncJob", 81L, 810L,
						new SyncWindow("depth", FROM, TO).toParameters()),
				"symbolBatch:batch-001", 8100L);
		step.setExecutionContext(PartitionContext.create(1, 1, List.of("BTCUSDT")));
		TradeDetails details = new TradeDetails("USDT", 86_400, new BigDecimal("1.000000000000"),
				new BigDecimal("1.000000000000"), new BigDecimal("0E-8"), TradeResult.BREAKEVEN,
				new BigDecimal("0.5"), CloseReason.TRADE, BigDecimal.ZERO, BigDecimal.ZERO, KlineInterval.H4,
				new BigDecimal("0.9"), new BigDecimal("1.2"), new BigDecimal("-10.00000000"),
				new BigDecimal("20.00000000"), List.of());
		OpenPosition open = new OpenPosition(new StreamKey("BTCUSDT", PositionSide.BOTH), Direction.SHORT,
				TO.minus(Duration.ofHours(2)), new BigDecimal("3"), new BigDecimal("100"), BigDecimal.ZERO,
				new BigDecimal("0.03"), BigDecimal.ZERO, 1, true, TO);
		ProcessedSymbol item = processed("BTCUSDT-LONG-3", details, List.of(open), "depth");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

		StepScopeTestUtils.doInStepScope(step, () -> {
			this.writer.write(new Chunk<>(List.of(item)));
			// as if the klines had not been served the first time
			jdbc.update("UPDATE trade_entries SET mae_price = NULL, mfe_pct = NULL WHERE account = 'depth'");
			this.writer.write(new Chunk<>(List.of(item)));
			return null;
		});

		PartitionContext context = PartitionContext.of(step);
		assertThat(context.count(Counter.INSERTED)).isEqualTo(1);
		assertThat(context.count(Counter.BACKFILLED)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT mae_price FROM trade_entries WHERE account = 'depth'",
				BigDecimal.class)).isEqualByComparingTo("0.9");
		assertThat(jdbc.queryForObject("SELECT mfe_pct FROM trade_entries WHERE account = 'depth'",
				BigDecimal.class)).isEqualByComparingTo("20");
		assertThat(jdbc.queryForObject("SELECT excursion_interval FROM trade_entries WHERE account = 'depth'",
				String.class)).isEqualTo("4h");
		assertThat(jdbc.queryForList("SELECT direction FROM sync_open_positions WHERE job_instance_id = 81 "
				+ "AND symbol = 'BTCUSDT'", String.class)).containsExactly("SHORT");
	}

	@Test
	void reconciliationLaunchedAloneStoresTheReportAndAdvancesTheWatermark() {
		JobExecution execution = this.jobs.startStep("reconciliation",
				new SyncWindow("alone", FROM, TO).toParameters(), new ExecutionContext());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_reconciliation WHERE account = 'alone' AND symbol = 'TOTAL'",
				Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_watermark WHERE account = 'alone'", Long.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT as_of FROM open_positions_as_of WHERE account = 'alone'",
				java.time.OffsetDateTime.class).toInstant()).as("an empty snapshot, of its time").isEqualTo(TO);
		assertThat(this.reports.take(execution.getId())).as("handed to the command line")
			.hasValueSatisfying((report) -> assertThat(report.table()).contains("TOTAL"));
	}

	/** One symbol with trades {@code from} to {@code to - 1}, each of its own id. */
	private static ProcessedSymbol busy(int from, int to) {
		BigDecimal one = BigDecimal.ONE;
		List<TradeEntry> trades = new java.util.ArrayList<>();
		for (int i = from; i < to; i++) {
			trades.add(new TradeEntry("busy", TradeEntry.SOURCE_BINANCE, "BTCUSDT-LONG-" + i, "BTCUSDT", Direction.LONG,
					PositionSide.BOTH, FROM.plusSeconds(i), FROM.plusSeconds(i + 1), one, one, one, BigDecimal.ZERO,
					BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, 2, one, null, null, ValidationStatus.VALID,
					null, null));
		}
		SymbolFigures figures = new SymbolFigures("BTCUSDT", "USDT", BigDecimal.ZERO, Map.of(), BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1, 0, 0, 0);
		return new ProcessedSymbol(new SymbolOutcome("BTCUSDT", trades, List.of(), List.of(), List.of(), List.of(),
				List.of(), figures, List.of()), 3, 1, 1, 5);
	}

	private static ProcessedSymbol processed(String tradeId) {
		return processed(tradeId, null, List.of(), "writer");
	}

	private static ProcessedSymbol processed(String tradeId, TradeDetails details, List<OpenPosition> open,
			String account) {
		BigDecimal one = BigDecimal.ONE;
		TradeEntry trade = new TradeEntry(account, TradeEntry.SOURCE_BINANCE, tradeId, "BTCUSDT", Direction.LONG,
				PositionSide.BOTH, FROM.plus(Duration.ofDays(1)), FROM.plus(Duration.ofDays(2)), one, one, one,
				BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, 2, one, null, null,
				ValidationStatus.VALID, null, details);
		SymbolFigures figures = new SymbolFigures("BTCUSDT", "USDT", BigDecimal.ZERO, Map.of(), BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1, 0, 0, 0);
		return new ProcessedSymbol(new SymbolOutcome("BTCUSDT", List.of(trade), List.of(), List.of(), List.of(), List.of(),
				List.of(), figures, open),
				3, 1, 1, 5);
	}

}
