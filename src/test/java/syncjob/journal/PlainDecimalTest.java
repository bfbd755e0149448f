package syncjob.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalTest {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void aDecimalIsWrittenAsToPlainStringWritesIt(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < 5000; n++) {
			long unscaled = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(21) - 10;
				case 1 -> random.nextLong() % 1_000_000_000L;
				case 2 -> random.nextLong() % 1_000_000_000_000_000_000L;
				default -> random.nextLong();
			};
			BigDecimal value = random.nextInt(10) == 0
					? new BigDecimal(BigInteger.valueOf(unscaled).multiply(BigInteger.valueOf(random.nextLong())),
							random.nextInt(30))
					: BigDecimal.valueOf(unscaled, random.nextInt(24) - 3);
			StringBuilder text = new StringBuilder("x");

			PlainDecimal.append(text, value);

			assertThat(text.toString()).as("seed %d: %s", seed, value).isEqualTo("x" + value.toPlainString());
		}
	}

}
