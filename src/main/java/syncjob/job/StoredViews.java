package syncjob.job;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.binance.BinanceSettings;
import syncjob.command.JournalViews;
import syncjob.command.View;
import syncjob.job.PartitionContext.Counter;
import syncjob.journal.Databases;
import syncjob.journal.ReadOnlyQuery;
import syncjob.journal.ReconciliationStore;
import syncjob.journal.ReconciliationStore.Stored;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.Watermarks;

/**
 * The read-only looks at the journal: the stored reconciliation of an execution, the
 * account's status, and a query a person types. Each reads the database only (never the
 * exchange, never a lock), so it answers while a sync of the account runs.
 */
final class StoredViews implements JournalViews {

	/** Executions listed by {@code --status}. */
	static final int LAST_EXECUTIONS = 5;

	/** Rows printed by {@code --sql} before it says the rest were cut. */
	static final int MAX_ROWS = 1000;

	/** Windows to the minute, so a row of the status table fits 80 columns. */
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final JobRepository jobRepository;

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	private final ReconciliationStore reconciliations;

	private final SymbolFiguresStore figures;

	private final RejectedTradesStore rejected;

	private final Watermarks watermarks;

	private final BinanceSettings binance;

	StoredViews(JobRepository jobRepository, NamedParameterJdbcTemplate jdbc, DataSource dataSource,
			ReconciliationStore reconciliations, SymbolFiguresStore figures, RejectedTradesStore rejected,
			Watermarks watermarks, BinanceSettings binance) {
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.reconciliations = reconciliations;
		this.figures = figures;
		this.rejected = rejected;
		this.watermarks = watermarks;
		this.binance = binance;
	}

	@Override
	public View report(String account, Optional<Long> executionId) {
		String database = Databases.describe(this.dataSource);
		Optional<Long> id = executionId.isPresent() ? executionId : this.reconciliations.latest(account);
		if (id.isEmpty()) {
			return View.refused("no reconciliation of account '" + account + "' in " + database
					+ ": run a sync first, or give account=NAME");
		}
		Optional<Stored> found = this.reconciliations.load(id.get());
		if (found.isEmpty()) {
			return View.refused("no reconciliation of execution " + id.get() + " in " + database
					+ ": only completed executions have one; --status lists the account's executions");
		}
		Stored stored = found.get();
		StringBuilder text = new StringBuilder();
		text.append("Reconciliation of account ")
			.append(stored.account())
			.append(", ")
			.append(stored.from())
			.append(" to ")
			.append(stored.to())
			.append(" (execution ")
			.append(stored.executionId())
			.append(", in ")
			.append(database)
			.append(")\n");
		text.append(stored.report().format());
		Optional<Long> instance = instanceOf(stored.executionId());
		List<String> gaps = instance
			.map((i) -> GapLines.of(stored.report(), this.figures.load(i), stored.from(), stored.incomeServedFrom()))
			.orElse(List.of());
		gaps.forEach((line) -> text.append(line).append('\n'));
		List<String> rejectedTrades = instance.map(this.rejected::describe).orElse(List.of());
		if (!rejectedTrades.isEmpty()) {
			text.append("Rejected trades (not inserted):\n");
			rejectedTrades.forEach((line) -> text.append("  ").append(line).append('\n'));
		}
		text.append("Columns: see docs/journal.md (sync_reconciliation). STATUS DIFF: a difference above ")
			.append("max(0.1%, 0.01).\n");
		return View.of(text.toString());
	}

	@Override
	public View status(String account) {
		String database = Databases.describe(this.dataSource);
		StringBuilder text = new StringBuilder();
		text.append("Account ").append(account).append(" in ").append(database).append('\n');
		text.append("Exchange (binance.base-url): ").append(this.binance.displayBaseUrl()).append('\n');
		text.append(this.watermarks.find(account)
			.map((to) -> "Watermark: " + to + " (the next sync without from= starts there)")
			.orElse("Watermark: none yet (the first sync starts days=90 before to)"))
			.append('\n');
		List<JobExecution> executions = lastExecutions(account);
		if (executions.isEmpty()) {
			text.append("Executions: none for this account\n");
		}
		else {
			text.append("Last executions, newest first (COMPLETED* = completed with differences):\n");
			List<List<String>> rows = new ArrayList<>();
			for (JobExecution execution : executions) {
				rows.add(row(execution));
			}
			text.append(TextTable
				.format(List.of("ID", "STATUS", "FROM (UTC)", "TO (UTC)", "INSERTED", "BATCHES", "TIME"),
						List.of(true, false, false, false, true, false, true), rows)
				.indent(2));
		}
		text.append(restartPreview(database)).append('\n');
		return View.of(text.toString());
	}

	@Override
	public View sql(String query) {
		Optional<String> refusal = ReadOnlyQuery.refusal(query);
		if (refusal.isPresent()) {
			return View.refused("--sql: " + refusal.get() + ". Nothing was run.");
		}
		try {
			ReadOnlyQuery.Result result = new ReadOnlyQuery(this.dataSource, MAX_ROWS).run(query);
			String table = TextTable.format(result.columns(), result.numeric(), result.rows());
			String count = "(" + result.rows().size() + (result.truncated() ? "+ rows: the first " + MAX_ROWS
					+ " shown; add a LIMIT or a WHERE)" : result.rows().size() == 1 ? " row)" : " rows)");
			return View.of(table + count + "\n");
		}
		catch (SQLException | RuntimeException ex) {
			return View.refused("--sql failed in " + Databases.describe(this.dataSource) + ": " + ex.getMessage());
		}
	}

	private Optional<Long> instanceOf(long executionId) {
		return new RestartTargets(this.jobRepository).byId(executionId)
			.map((execution) -> execution.getJobInstance().getInstanceId());
	}

	private List<JobExecution> lastExecutions(String account) {
		List<Long> ids = this.jdbc.queryForList("""
				SELECT e.job_execution_id FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = :name AND p.parameter_value = :account
				ORDER BY e.job_execution_id DESC FETCH FIRST %d ROWS ONLY""".formatted(LAST_EXECUTIONS),
				new MapSqlParameterSource("name", SyncWindow.ACCOUNT).addValue("account", account), Long.class);
		RestartTargets targets = new RestartTargets(this.jobRepository);
		return ids.stream().map(targets::byId).flatMap(Optional::stream).toList();
	}

	private static List<String> row(JobExecution execution) {
		SyncWindow window = SyncWindow.of(execution.getJobParameters());
		int done = 0;
		int count = 0;
		long inserted = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")) {
				PartitionContext batch = PartitionContext.of(step);
				count = Math.max(count, batch.batchCount());
				if (step.getStatus() == BatchStatus.COMPLETED) {
					done++;
					inserted += batch.count(Counter.INSERTED);
				}
			}
		}
		String status = execution.getStatus().name();
		if (execution.getStatus() == BatchStatus.COMPLETED
				&& ReconciliationTasklet.COMPLETED_WITH_DIFFERENCES.equals(execution.getExitStatus().getExitCode())) {
			status = "COMPLETED*";
		}
		return List.of(String.valueOf(execution.getId()), status, MINUTE.format(window.from()),
				MINUTE.format(window.to()),
				String.valueOf(inserted), count == 0 ? "-" : done + "/" + count, duration(execution));
	}

	private static String duration(JobExecution execution) {
		LocalDateTime start = execution.getStartTime();
		if (start == null) {
			return "-";
		}
		LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now(ZoneId.systemDefault());
		return PartitionProgress.format(Duration.between(start, end));
	}

	private String restartPreview(String database) {
		RestartTargets targets = new RestartTargets(this.jobRepository);
		Optional<JobExecution> next = targets.mostRecentUnfinished();
		if (next.isEmpty()) {
			return "--restart: nothing to restart (no FAILED, STOPPED or unfinished execution)";
		}
		JobExecution execution = next.get();
		SyncWindow window = SyncWindow.of(execution.getJobParameters());
		Optional<String> exchange = SyncWindow.exchangeOf(execution.getJobParameters());
		if (exchange.isPresent() && !exchange.get().equals(this.binance.displayBaseUrl())) {
			return "--restart would refuse execution " + execution.getId() + " (account " + window.account()
					+ "): it read " + exchange.get() + ", binance.base-url is " + this.binance.displayBaseUrl();
		}
		BatchCounts counts = BatchCounts.of(this.jobRepository, execution);
		return "--restart would resume execution " + execution.getId() + " (account " + window.account() + ", "
				+ execution.getStatus() + ", " + window.from() + " to " + window.to() + "),\n  keeping its "
				+ counts.batches() + " committed batches and redoing only the others";
	}

}
