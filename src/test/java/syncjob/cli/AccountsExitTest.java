package syncjob.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.command.AccountsExit;
import syncjob.command.ExitCode;

/**
 * The several-accounts exit code over seeded random mixes of account outcomes: 1 if any failed,
 * else 2 if any was refused, else 3 if any has differences, else 0.
 */
class AccountsExitTest {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
	void theWorstOutcomeInTheContractsOrderDecides(long seed) {
		Random random = new Random(seed);
		List<ExitCode> accounts = new ArrayList<>();
		int count = 1 + random.nextInt(12);
		for (int i = 0; i < count; i++) {
			accounts.add(ExitCode.values()[random.nextInt(ExitCode.values().length)]);
		}

		ExitCode exit = AccountsExit.of(accounts);

		String seedNote = "seed " + seed + ": " + accounts;
		if (accounts.contains(ExitCode.FAILED)) {
			assertThat(exit).as(seedNote).isEqualTo(ExitCode.FAILED);
		}
		else if (accounts.contains(ExitCode.USAGE)) {
			assertThat(exit).as(seedNote).isEqualTo(ExitCode.USAGE);
		}
		else if (accounts.contains(ExitCode.DIFFERENCES)) {
			assertThat(exit).as(seedNote).isEqualTo(ExitCode.DIFFERENCES);
		}
		else {
			assertThat(exit).as(seedNote).isEqualTo(ExitCode.OK);
		}
		assertThat(accounts).as(seedNote).contains(exit);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "0,0:0", "0,3:3", "3,2,0:2", "2,1,3:1", "1:1", "0,0,0,2:2" })
	void examples(String example) {
		String[] parts = example.split(":");
		List<ExitCode> accounts = java.util.Arrays.stream(parts[0].split(","))
			.map((code) -> ExitCode.of(Integer.parseInt(code)))
			.toList();

		assertThat(AccountsExit.of(accounts).code()).isEqualTo(Integer.parseInt(parts[1]));
	}
}
