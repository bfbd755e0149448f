package syncjob.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
		String help = this.out.toString(StandardCharsets.UTF_8);
		assertThat(help).contains("account=NAME", "from=INSTANT", "to=INSTANT", "days=N", "--restart", "--demo",
				"Exit codes", "  3  completed, but");
		assertThat(help).as("every setting with its default")
			.contains("binance.base-url=URL            https://fapi.binance.com",
					"binance.trade-retention-days=N  186", "binance.paging=MODE             auto",
					"sync.symbols-per-partition=N    4", "sync.max-parallel-partitions=N  one per 128 MB of heap, 2 to 32",
					"sync.include-orders=BOOL        true", "binance.recv-window=DURATION    5s",
					"binance.max-retries=N           5", "binance.max-ban-wait=D          5m",
					"binance.time-resync-interval=D  10m", "binance.connect-timeout=D       10s",
					"binance.read-timeout=D          30s", "spring.datasource.url=JDBC-URL");
		assertThat(help).as("a to later than now").contains("clamped to now");
		assertThat(help.lines()).as("no line wider than 80 columns").allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(80));
	}

	@Test
	void malformedParameterExitsTwoWithTheFixOnStderr() {
		int code = this.command.run("days=0");

		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("days=0 is not a positive whole number",
				"give e.g. days=30");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void credentialsTooShortToBeRealExitTwoBeforeAnythingStarts() {
		int code = this.command.run("--binance.api-key=k", "--binance.api-secret=s", "account=short");

		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("binance.api-key is shorter than 16 characters", "binance.api-secret is shorter than 16")
			.doesNotContain("=k", "=s");
	}

	@Test
	void helpNamesEverySettingOfBothSettingsRecordsAndEveryModeInEightyColumns() throws Exception {
		this.command.run("--help");
		String help = this.out.toString(StandardCharsets.UTF_8);

		assertEveryComponentNamed(help, "binance", Class.forName("syncjob.binance.BinanceSettings"));
		assertEveryComponentNamed(help, "sync", Class.forName("syncjob.job.SyncSettings"));
		assertThat(help).contains("--status", "--report[=ID]", "--sql \"QUERY\"", "logging.structured.format.console=ecs");
		assertThat(help.lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(80));
	}

	/** Each setting of {@code settings} is in the help as {@code prefix.name=}; a nested record's settings too. */
	private static void assertEveryComponentNamed(String help, String prefix, Class<?> settings) {
		assertThat(settings.getRecordComponents()).isNotEmpty().allSatisfy((component) -> {
			String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
			if (component.getType().isRecord()) {
				assertEveryComponentNamed(help, name, component.getType());
			}
			else {
				assertThat(help).as(name).containsPattern("\\b" + java.util.regex.Pattern.quote(name) + "=");
			}
		});
	}

}
