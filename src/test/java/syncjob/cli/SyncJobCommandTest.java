package syncjob.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncJobCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final SyncJobCommand command = new SyncJobCommand(Object.class,
			new PrintStream(this.out, true, StandardCharsets.UTF_8), new PrintStream(this.err, true, StandardCharsets.UTF_8));

	@Test
	void helpPrintsParametersOptionsAndExitCodesAndExitsZero() {
		int code = this.command.run("--help");

		assertThat(code).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("account=NAME", "from=INSTANT", "to=INSTANT",
				"days=N", "--restart", "--demo", "--binance.base-url", "Exit codes", "  3  completed, but");
	}

	@Test
	void malformedParameterExitsTwoWithTheFixOnStderr() {
		int code = this.command.run("days=0");

		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("days=0 is not a positive whole number",
				"give e.g. days=30");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

}
