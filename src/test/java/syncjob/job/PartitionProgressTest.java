package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import syncjob.job.PartitionContext.Counter;
import syncjob.journal.SyncNotifier;
import syncjob.simulator.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress contract at the listener: "Processing" when a batch starts, with the batch's
 * own index, the trades of batches already finished (never decreasing) and an ETA once one
 * has finished; "Finished" when it commits. Partitions finish out of order here, as parallel
 * ones do.
 */
class PartitionProgressTest {

	private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

	private final MutableClock clock = MutableClock.at(START);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(PartitionProgress.class);

	private final PartitionProgress progress = new PartitionProgress(
			new SyncNotifier(new DriverManagerDataSource("jdbc:h2:mem:progress;MODE=PostgreSQL")),
			new ResourcelessJobRepository(), this.clock, new RunStatus());

	private JobExecution job;

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
		this.job = MetaDataInstanceFactory.createJobExecution("binanceSyncJob", 1L, 7L,
				new SyncWindow("main", START.minus(Duration.ofDays(30)), START).toParameters());
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
	}

	private StepExecution batch(int batch, List<String> symbols) {
		StepExecution step = MetaDataInstanceFactory.createStepExecution(this.job,
				SyncJobConfiguration.WORKER_STEP + ":" + SymbolBatchPartitioner.name(batch), 100L + batch);
		step.setExecutionContext(PartitionContext.create(batch, 3, symbols));
		return step;
	}

	private void finish(StepExecution step, int inserted) {
		PartitionContext.of(step).add(Counter.INSERTED, inserted);
		PartitionContext.of(step).add(Counter.REJECTED, 1);
		step.setStatus(BatchStatus.COMPLETED);
		this.progress.afterStep(step);
	}

	private List<String> messages() {
		return this.lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	@Test
	void linesFollowTheContractWhateverOrderBatchesFinishIn() {
		this.progress.beforeJob(this.job);
		StepExecution first = batch(1, List.of("ADAUSDT", "BTCUSDT"));
		StepExecution second = batch(2, List.of("ETHUSDT", "SOLUSDT"));
		StepExecution third = batch(3, List.of("XRPUSDT"));

		this.progress.beforeStep(first);
		this.progress.beforeStep(second);
		this.clock.advance(Duration.ofSeconds(20));
		finish(second, 12);
		this.progress.beforeStep(third);
		this.clock.advance(Duration.ofSeconds(10));
		finish(first, 5);
		finish(third, 3);

		assertThat(messages()).containsExactly(
				"Processing ADAUSDT, BTCUSDT (batch 1/3) - 0 trades inserted so far - ETA --:--",
				"Processing ETHUSDT, SOLUSDT (batch 2/3) - 0 trades inserted so far - ETA --:--",
				"Finished batch 2/3 (ETHUSDT, SOLUSDT) - 12 inserted, 1 rejected - 12 trades inserted so far",
				"Processing XRPUSDT (batch 3/3) - 12 trades inserted so far - ETA 0:40",
				"Finished batch 1/3 (ADAUSDT, BTCUSDT) - 5 inserted, 1 rejected - 17 trades inserted so far",
				"Finished batch 3/3 (XRPUSDT) - 3 inserted, 1 rejected - 20 trades inserted so far");
	}

	@Test
	void aBatchThatStartsOnlyToStopPrintsNothing() {
		this.progress.beforeJob(this.job);
		StepExecution stopping = batch(1, List.of("ADAUSDT"));
		stopping.setTerminateOnly();

		this.progress.beforeStep(stopping);

		assertThat(messages()).isEmpty();
	}

	@Test
	void aFailedBatchIsNotCountedAsFinished() {
		this.progress.beforeJob(this.job);
		StepExecution failed = batch(1, List.of("ADAUSDT"));
		failed.setStatus(BatchStatus.FAILED);

		this.progress.afterStep(failed);
		this.progress.beforeStep(batch(2, List.of("BTCUSDT")));

		assertThat(messages()).containsExactly("Processing BTCUSDT (batch 2/3) - 0 trades inserted so far - ETA --:--");
	}

	@Test
	void etaFormatsMinutesAndHours() {
		assertThat(PartitionProgress.format(Duration.ofSeconds(42))).isEqualTo("0:42");
		assertThat(PartitionProgress.format(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
	}

}
