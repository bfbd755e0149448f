package syncjob.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import syncjob.job.RunStatus.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Off a terminal, a run waiting for the weight limit still logs a line at least every 15 s:
 * the status is driven second by second on a simulated clock, as the ticker drives it.
 */
class HeartbeatTest {

	private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void aWaitOfSeventySecondsLogsALineEveryFifteenSecondsOfSilence() {
		RunStatus status = new RunStatus();
		status.start(START, 0, 0);
		status.batchStarted(8, START);
		status.waiting(START.plusSeconds(70), "weight limit");
		List<Long> loggedAt = new ArrayList<>();
		List<String> lines = new ArrayList<>();

		for (long second = 1; second <= 70; second++) {
			Instant now = START.plusSeconds(second);
			Snapshot snapshot = status.snapshot().orElseThrow();
			Optional<String> line = Heartbeat.due(snapshot, now);
			if (line.isPresent()) {
				loggedAt.add(second);
				lines.add(line.get());
				status.logged(now);
			}
		}

		assertThat(loggedAt).containsExactly(15L, 30L, 45L, 60L);
		assertThat(lines).allSatisfy((line) -> assertThat(line).startsWith("Still running: batch 0/8")
			.endsWith("waiting for weight limit until 12:01:10"));
	}

	@Test
	void aProgressLineResetsTheSilence() {
		RunStatus status = new RunStatus();
		status.start(START, 0, 0);
		status.batchStarted(2, START.plusSeconds(10));

		assertThat(Heartbeat.due(status.snapshot().orElseThrow(), START.plusSeconds(24))).isEmpty();
		assertThat(Heartbeat.due(status.snapshot().orElseThrow(), START.plusSeconds(25))).isPresent();
		status.batchFinished(4, 7, START.plusSeconds(25));
		assertThat(Heartbeat.due(status.snapshot().orElseThrow(), START.plusSeconds(39))).isEmpty();
	}

	@Test
	void theClientsWaitsAndRetriesReachTheStatusAndACallThatGoesOutClearsThem() {
		RunStatus status = new RunStatus();
		status.start(START, 0, 0);
		status.batchStarted(2, START);

		status.retrying(3, 5, "HTTP 503");
		assertThat(StatusLine.render(status.snapshot().orElseThrow(), START.plusSeconds(1)))
			.endsWith("retrying (3/5) after HTTP 503");
		status.proceeding();
		assertThat(StatusLine.render(status.snapshot().orElseThrow(), START.plusSeconds(1))).endsWith("ETA --:--");
	}

}
