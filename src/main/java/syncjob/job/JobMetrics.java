package syncjob.job;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a run did, as meters once its job ends: trades inserted and rejected (counters over the
 * batches this execution committed), lifecycles still open at {@code to} and symbols whose
 * reconciliation shows a difference (gauges of the last run).
 */
final class JobMetrics implements JobExecutionListener {

	/** Set by the reconciliation step in the job's context: how many symbols differ. */
	static final String UNRECONCILED = "unreconciledSymbols";

	private final MeterRegistry registry;

	private final AtomicLong open = new AtomicLong();

	private final AtomicLong differences = new AtomicLong();

	JobMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void afterJob(JobExecution job) {
		long inserted = 0;
		long rejected = 0;
		long stillOpen = 0;
		for (StepExecution step : job.getStepExecutions()) {
			// the batches this execution committed (a restart's skipped batches were counted by their own run)
			if (step.getStepName().startsWith(SyncJobConfiguration.WORKER_STEP + ":")
					&& step.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
				PartitionContext context = PartitionContext.of(step);
				inserted += context.count(PartitionContext.Counter.INSERTED);
				rejected += context.count(PartitionContext.Counter.REJECTED);
				stillOpen += context.count(PartitionContext.Counter.STILL_OPEN);
			}
		}
		Counter.builder("syncjob.trades.inserted").description("Trades inserted into trade_entries")
			.register(this.registry).increment(inserted);
		Counter.builder("syncjob.trades.rejected").description("Trades rejected by validation")
			.register(this.registry).increment(rejected);
		this.open.set(stillOpen);
		Gauge.builder("syncjob.trades.open", this.open, AtomicLong::get)
			.description("Lifecycles still open at the end of the window").register(this.registry);
		this.differences.set(job.getExecutionContext().getInt(UNRECONCILED, 0));
		Gauge.builder("syncjob.reconciliation.differences", this.differences, AtomicLong::get)
			.description("Symbols whose reconciliation shows a difference").register(this.registry);
		Gauge.builder("syncjob.job.exit", job, (j) -> "COMPLETED".equals(j.getStatus().name()) ? 0 : 1)
			.description("1 when the last run did not complete").register(this.registry);
	}

}
