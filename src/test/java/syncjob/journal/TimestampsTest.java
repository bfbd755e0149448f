package syncjob.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

	static LongStream seeds() {
		return LongStream.range(0, 20);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void utcIsTheSameInstantAtOffsetZero(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 1000; i++) {
			// from before the epoch to far ahead, with any nanosecond
			Instant instant = Instant.ofEpochSecond(random.nextLong(-4_000_000_000L, 8_000_000_000L),
					random.nextInt(1_000_000_000));
			assertThat(Timestamps.utc(instant)).as("seed %d, %s", seed, instant)
				.satisfies((t) -> assertThat(t.toInstant()).isEqualTo(instant))
				.satisfies((t) -> assertThat(t.getOffset()).isEqualTo(ZoneOffset.UTC));
		}
		assertThat(Timestamps.utc(null)).isNull();
	}

}
