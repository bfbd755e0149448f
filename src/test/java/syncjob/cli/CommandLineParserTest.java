package syncjob.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import syncjob.command.Restart;
import syncjob.command.SyncRequest;
import syncjob.command.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTest {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private final CommandLineParser parser = new CommandLineParser(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void noArgumentsMeanDefaultAccountAndUnresolvedWindow() {
		CommandLine commandLine = this.parser.parse();
		SyncRequest request = commandLine.request();

		assertThat(request.account()).isEqualTo("default");
		assertThat(request.from()).isEmpty();
		assertThat(request.to()).isEmpty();
		assertThat(request.days()).isEqualTo(90);
		assertThat(request.restart()).isEmpty();
		assertThat(commandLine.demo()).isFalse();
	}

	@Test
	void parametersAcceptInstantsAndDatesAsUtcMidnight() {
		SyncRequest request = this.parser.parse("account=main", "from=2026-09-01", "to=2026-10-01T06:30:00Z")
			.request();

		assertThat(request.account()).isEqualTo("main");
		assertThat(request.from()).contains(Instant.parse("2026-09-01T00:00:00Z"));
		assertThat(request.to()).contains(Instant.parse("2026-10-01T06:30:00Z"));
	}

	@Test
	void settingsArePassedToSpringAndModesAreRecognised() {
		CommandLine request = this.parser.parse("--demo", "--binance.base-url=http://127.0.0.1:8089",
				"--sync.symbols-per-partition=2", "--spring.datasource.url=jdbc:h2:mem:x", "--debug");

		assertThat(request.demo()).isTrue();
		assertThat(request.springArguments()).containsExactly("--binance.base-url=http://127.0.0.1:8089",
				"--sync.symbols-per-partition=2", "--spring.datasource.url=jdbc:h2:mem:x", "--debug");
	}

	@Test
	void aRoleBecomesTheSyncRoleSetting() {
		assertThat(this.parser.parse("--role=manager", "account=main").springArguments())
			.containsExactly("--sync.role=manager");
		assertThat(this.parser.parse("--role=worker", "--sync.remote.queue=q").springArguments())
			.containsExactly("--sync.role=worker", "--sync.remote.queue=q");
		assertThat(this.parser.parse("--role=manager", "--restart").request().isRestart()).isTrue();
	}

	@Test
	void anUnknownRoleOrAWorkerWithJobParametersIsAUsageError() {
		assertThatThrownBy(() -> this.parser.parse("--role=boss")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--role=manager")
			.hasMessageContaining("--role=worker");
		assertThatThrownBy(() -> this.parser.parse("--role=worker", "account=main")).isInstanceOf(UsageException.class)
			.hasMessageContaining("job parameters");
		assertThatThrownBy(() -> this.parser.parse("--role=worker", "--restart")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--restart");
		assertThatThrownBy(() -> this.parser.parse("--role=worker", "accounts=a,b", "days=3"))
			.isInstanceOf(UsageException.class).hasMessageContaining("job parameters");
	}

	@Test
	void aWorkerOfSeveralAccountsNamesThem() {
		assertThat(this.parser.parse("--role=worker", "accounts=alice,bob").accounts()).containsExactly("alice", "bob");
	}

	@Test
	void restartTakesTheMostRecentOrAnExecutionId() {
		assertThat(this.parser.parse("--restart").request().restart()).contains(Restart.mostRecent());
		assertThat(this.parser.parse("--restart=42").request().restart()).contains(Restart.of(42));
	}

	@Test
	void helpWinsOverEverythingElse() {
		assertThat(this.parser.parse("from=nonsense", "--help").help()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "from=2026-13-01|from=2026-13-01 is not a date or instant",
			"to=yesterday|to=yesterday is not a date or instant", "days=0|days=0 is not a positive whole number",
			"days=-3|days=-3 is not a positive whole number", "days=ten|days=ten is not a positive whole number",
			"account=|account is empty", "account=a'b;drop|is not a valid name", "--frobnicate|Unknown option --frobnicate",
			"symbol=BTCUSDT|Unknown job parameter 'symbol'", "BTCUSDT|Unexpected argument 'BTCUSDT'",
			"--restart=abc|--restart=abc is not an execution id" })
	void malformedArgumentsNameTheProblemAndTheFix(String argument, String message) {
		assertThatThrownBy(() -> this.parser.parse(argument)).isInstanceOf(UsageException.class)
			.hasMessageContaining(message)
			.hasMessageContaining("--help");
	}

	@Test
	void fromMustBeBeforeTo() {
		assertThatThrownBy(() -> this.parser.parse("from=2026-10-01", "to=2026-09-01")).isInstanceOf(UsageException.class)
			.hasMessageContaining("is not before to=2026-09-01T00:00:00Z");
		assertThatThrownBy(() -> this.parser.parse("from=2026-12-01")).isInstanceOf(UsageException.class)
			.hasMessageContaining("is not before to=" + NOW);
	}

	@Test
	void fromMustBeInThePastEvenWhenToIsLater() {
		assertThatThrownBy(() -> this.parser.parse("from=2029-01-01", "to=2030-01-01"))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("from=2029-01-01T00:00:00Z is not in the past");
	}

	@Test
	void aToLaterThanNowIsLeftForTheJobToClamp() {
		assertThat(this.parser.parse("to=2030-01-01").request().to()).contains(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void restartRefusesAWindowOfItsOwn() {
		assertThatThrownBy(() -> this.parser.parse("--restart", "from=2026-09-01")).isInstanceOf(UsageException.class)
			.hasMessageContaining("drop from, to and days");
	}

	@Test
	void aParameterGivenTwiceIsRefused() {
		assertThatThrownBy(() -> this.parser.parse("days=3", "days=4")).isInstanceOf(UsageException.class)
			.hasMessageContaining("given twice");
	}

	@Test
	void readOnlyLooksAreRecognisedWithTheirValues() {
		assertThat(this.parser.parse("--status", "account=main").look()).contains(new CommandLine.Status());
		assertThat(this.parser.parse("--status", "account=main").request().account()).isEqualTo("main");
		assertThat(this.parser.parse("--report").look()).contains(new CommandLine.Report(Optional.empty()));
		assertThat(this.parser.parse("--report=12").look()).contains(new CommandLine.Report(Optional.of(12L)));
		assertThat(this.parser.parse("--sql", "select 1 from x").look()).contains(new CommandLine.Sql("select 1 from x"));
		assertThat(this.parser.parse("--sql=select a=b from x").look()).contains(new CommandLine.Sql("select a=b from x"));
		assertThat(this.parser.parse("--demo", "--status").request().account()).isEqualTo("demo");
		assertThat(this.parser.parse("account=main").look()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "--report=abc|is not an execution id", "--report=0|is not an execution id",
			"--status=1|--status takes no value", "--sql|--sql needs a query",
			"--status --report|one at a time", "--status --restart|only read the database",
			"--report days=3|only read the database" })
	void malformedLooksAreUsageErrors(String args, String message) {
		assertThatThrownBy(() -> this.parser.parse(args.split(" "))).isInstanceOf(UsageException.class)
			.hasMessageContaining(message);
	}

	@Test
	void accountsNamesSeveralAccountsInTheOrderGiven() {
		CommandLine commandLine = this.parser.parse("accounts=alice,bob.eu", "days=7");

		assertThat(commandLine.accounts()).containsExactly("alice", "bob.eu");
		assertThat(commandLine.request().days()).isEqualTo(7);
	}

	@Test
	void accountsAndAccountTogetherOrANameTwiceAreUsageErrors() {
		assertThatThrownBy(() -> this.parser.parse("account=a", "accounts=b,c"))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("account= and accounts= are both given");
		assertThatThrownBy(() -> this.parser.parse("accounts=b,b"))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("names b twice");
		assertThatThrownBy(() -> this.parser.parse("accounts=b,"))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("account is empty");
	}

}
