package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.job.RunStatus.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

/** The live status line as a pure function of the run's state and the time. */
class StatusLineTest {

	private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

	private static Snapshot working(int done, int doneNow, int count, long inserted) {
		return new Snapshot(START, done, doneNow, count, done * 4, inserted, 812, 2400, Optional.empty(),
				Optional.empty(), Optional.empty(), START);
	}

	@Test
	void workingShowsBatchesSymbolsTradesWeightAndTheEta() {
		// 2 batches in 60 s, 6 left: 180 s
		assertThat(StatusLine.render(working(2, 2, 8, 57), START.plusSeconds(60)))
			.isEqualTo("batch 2/8 | 8 symbols | 57 trades | weight 812/2400 | ETA 3:00");
	}

	@Test
	void beforeTheFirstBatchItSaysSoAndHasNoEta() {
		Snapshot income = new Snapshot(START, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(),
				Optional.empty(), START);

		assertThat(StatusLine.render(income, START.plusSeconds(5)))
			.isEqualTo("fetching income | 0 symbols | 0 trades | ETA --:--");
	}

	@Test
	void waitingForTheWeightLimitNamesTheTimeItEnds() {
		Snapshot waiting = new Snapshot(START, 3, 3, 8, 12, 45, 2280, 2400,
				Optional.of(Instant.parse("2026-11-30T12:03:00Z")), Optional.of("weight limit"), Optional.empty(),
				START);

		assertThat(StatusLine.render(waiting, START.plusSeconds(150)))
			.as("80 columns with the weight: it goes first")
			.isEqualTo("batch 3/8 | 12 symbols | 45 trades | waiting for weight limit until 12:03:00");
	}

	@Test
	void aPauseBinanceAskedForNamesItsHttpStatus() {
		Snapshot paused = new Snapshot(START, 3, 3, 8, 12, 45, 2280, 2400,
				Optional.of(Instant.parse("2026-11-30T12:03:00Z")), Optional.of("rate limited by Binance (HTTP 429)"),
				Optional.empty(), START);

		assertThat(StatusLine.render(paused, START.plusSeconds(150))).endsWith("paused by Binance (HTTP 429) until 12:03:00");
	}

	@Test
	void aWaitThatIsOverNoLongerShows() {
		Snapshot over = new Snapshot(START, 3, 3, 8, 12, 45, 100, 2400, Optional.of(START.plusSeconds(10)),
				Optional.of("weight limit"), Optional.empty(), START);

		assertThat(StatusLine.render(over, START.plusSeconds(20))).endsWith("ETA 0:33");
	}

	@Test
	void retryingNamesTheAttemptAndTheProblem() {
		Snapshot retrying = new Snapshot(START, 1, 1, 8, 4, 9, 300, 2400, Optional.empty(), Optional.empty(),
				Optional.of("retrying (3/5) after HTTP 503 code -1008: Server is currently overloaded"), START);

		assertThat(StatusLine.render(retrying, START.plusSeconds(20))).endsWith("| retrying (3/5) after HTTP 503");
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
	void neverWiderThanTheScreenWhateverTheNumbers(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 200; i++) {
			int count = 1 + random.nextInt(100_000);
			int done = random.nextInt(count + 1);
			Snapshot s = new Snapshot(START, done, Math.max(1, done), count, random.nextInt(1_000_000),
					random.nextLong(0, 10_000_000_000L), random.nextInt(100_000), 1 + random.nextInt(100_000),
					random.nextBoolean() ? Optional.of(START.plus(Duration.ofDays(1))) : Optional.empty(),
					Optional.of(random.nextBoolean() ? "weight limit" : "IP banned by Binance (HTTP 418)"),
					random.nextBoolean() ? Optional.of("retrying (5/5) after a body that is not the expected JSON (x)")
							: Optional.empty(),
					START);
			String line = StatusLine.render(s, START.plusSeconds(random.nextInt(1_000_000)));
			assertThat(line).as("seed %d, case %d", seed, i).hasSizeLessThanOrEqualTo(StatusLine.WIDTH)
				.startsWith("batch " + done + "/" + count);
		}
	}

}
