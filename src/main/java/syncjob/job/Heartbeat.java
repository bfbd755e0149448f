package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import syncjob.job.RunStatus.Snapshot;

/**
 * Off a terminal (cron, Kubernetes) the progress lines are the log: when nothing was logged
 * for {@link #EVERY}, a line saying what the run is doing (waiting for the weight limit until
 * a time, retrying, or working on a batch), so no run is silent for long.
 */
final class Heartbeat {

	static final Duration EVERY = Duration.ofSeconds(15);

	private Heartbeat() {
	}

	/** The line to log at {@code now}, if the run was silent for {@link #EVERY} or longer. */
	static Optional<String> due(Snapshot status, Instant now) {
		if (Duration.between(status.lastLine(), now).compareTo(EVERY) < 0) {
			return Optional.empty();
		}
		return Optional.of("Still running: " + StatusLine.render(status, now));
	}

}
