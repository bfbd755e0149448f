package syncjob.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import syncjob.command.SyncOutcome;
import syncjob.journal.IncomeStaging;
import syncjob.journal.OpenPositionsStore;
import syncjob.journal.ReconciliationStore;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.Watermarks;
import syncjob.lifecycle.ReconciliationReport;
import syncjob.lifecycle.Reconciler;
import syncjob.lifecycle.SymbolFigures;

/**
 * Step 3: compares Binance's income with what the partitions fetched and recorded, over the
 * whole window and across every execution of the job instance; stores the report (and hands
 * it to the command line through {@link ReconciliationReports}), and advances the watermark
 * and rewrites the account's open-positions snapshot from what every partition staged, in the
 * same transaction as the step's completion: both move only with a completed sync.
 */
final class ReconciliationTasklet implements Tasklet {

	static final String COMPLETED_WITH_DIFFERENCES = "COMPLETED_WITH_DIFFERENCES";

	private static final Logger log = LoggerFactory.getLogger(ReconciliationTasklet.class);

	private final SymbolFiguresStore figures;

	private final IncomeStaging staging;

	private final ReconciliationStore reports;

	private final RejectedTradesStore rejected;

	private final Watermarks watermarks;

	private final OpenPositionsStore openPositions;

	private final ReconciliationReports printed;

	ReconciliationTasklet(SymbolFiguresStore figures, IncomeStaging staging, ReconciliationStore reports,
			RejectedTradesStore rejected, Watermarks watermarks, OpenPositionsStore openPositions,
			ReconciliationReports printed) {
		this.figures = figures;
		this.staging = staging;
		this.reports = reports;
		this.rejected = rejected;
		this.watermarks = watermarks;
		this.openPositions = openPositions;
		this.printed = printed;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		SyncWindow window = SyncWindow.of(job.getJobParameters());
		long instanceId = job.getJobInstance().getInstanceId();
		log.info("Reconciling account {}, {} to {}", window.account(), window.from(), window.to());
		// income Binance no longer serves cannot be compared: the window is reconciled from its horizon
		Optional<Instant> servedFrom = ServedIncome.read(job.getExecutionContext());
		Instant reconciledFrom = servedFrom.filter(window.from()::isBefore)
			.map((horizon) -> horizon.isAfter(window.to()) ? window.to() : horizon)
			.orElse(window.from());
		List<SymbolFigures> figures = this.figures.load(instanceId);
		ReconciliationReport report = Reconciler
			.reconcile(this.staging.windowTotals(window.account(), reconciledFrom, window.to()), figures);
		this.reports.save(job.getId(), window.account(), window.from(), window.to(), servedFrom.orElse(null), report);
		List<String> rejectedTrades = this.rejected.describe(instanceId);
		job.getExecutionContext().putInt(JobMetrics.UNRECONCILED,
				(int) report.symbols().stream().filter((row) -> !row.reconciled()).count());
		this.printed.put(job.getId(), new SyncOutcome.Report(report.format(),
				GapLines.of(report, figures, window.from(), servedFrom), rejectedTrades));
		this.watermarks.advance(window.account(), window.to(), job.getId());
		if (!this.openPositions.publish(window.account(), instanceId, window.to(), job.getId())) {
			log.info("Open positions of account {} kept: they are of a later time than {}", window.account(),
					window.to());
		}
		if (!report.reconciled() || !rejectedTrades.isEmpty()) {
			contribution.setExitStatus(new ExitStatus(COMPLETED_WITH_DIFFERENCES,
					rejectedTrades.size() + " trades rejected; reconciled: " + report.reconciled()));
		}
		return RepeatStatus.FINISHED;
	}

}
