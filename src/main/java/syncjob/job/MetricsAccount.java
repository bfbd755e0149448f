package syncjob.job;

import java.util.Optional;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The account this context's run syncs, learnt when its job starts: every meter registered
 * from then on carries it as the tag {@code account}, and the push groups by it. One context
 * runs one account (a run of several gives each its own context).
 */
final class MetricsAccount implements MeterFilter, JobExecutionListener {

	private volatile String account;

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.account = SyncWindow.of(jobExecution.getJobParameters()).account();
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String current = this.account;
		if (current == null || id.getTag("account") != null) {
			return id;
		}
		return id.withTag(Tag.of("account", current));
	}

	Optional<String> account() {
		return Optional.ofNullable(this.account);
	}

}
