package syncjob.job;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import syncjob.job.RunStatus.Snapshot;

/**
 * Once a second while an execution runs: on a terminal, redraws the live status line in place
 * ({@code \r}, padded to clear the previous one) and clears it at the end; elsewhere logs the
 * heartbeat when the run was silent for 15 s. Runs on its own daemon thread.
 */
final class StatusTicker implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StatusTicker.class);

	private final RunStatus status;

	private final Clock clock;

	private final Optional<PrintStream> terminal;

	private ScheduledExecutorService ticker;

	private int drawn;

	/** @param terminal where the live line is drawn, or empty off a terminal (heartbeat log lines) */
	StatusTicker(RunStatus status, Clock clock, Optional<PrintStream> terminal) {
		this.status = status;
		this.clock = clock;
		this.terminal = terminal;
	}

	@Override
	public synchronized void beforeJob(JobExecution jobExecution) {
		this.ticker = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "status-line");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public synchronized void afterJob(JobExecution jobExecution) {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
		this.terminal.ifPresent((out) -> draw(out, ""));
	}

	synchronized void tick() {
		Optional<Snapshot> now = this.status.snapshot();
		if (now.isEmpty()) {
			return;
		}
		Instant time = this.clock.instant();
		if (this.terminal.isPresent()) {
			draw(this.terminal.get(), StatusLine.render(now.get(), time));
		}
		else {
			Heartbeat.due(now.get(), time).ifPresent((line) -> {
				log.info(line);
				this.status.logged(time);
			});
		}
	}

	private void draw(PrintStream out, String line) {
		out.print("\r" + line + " ".repeat(Math.max(0, this.drawn - line.length())) + (line.isEmpty() ? "\r" : ""));
		out.flush();
		this.drawn = line.length();
	}

}
