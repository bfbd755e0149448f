package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SymbolSpec;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher defects of issue 11, through the real command line: a {@code to} in the
 * future, restarts of executions that do not exist, have completed or read another exchange,
 * and a restart with nothing to restart.
 */
class RestartAndWindowTests {

	private static final String ACCOUNT = "main";

	private TestDatabase database;

	private final List<ExchangeFixture> exchanges = new ArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.h2();
	}

	@AfterEach
	void dropDatabase() {
		this.exchanges.forEach(ExchangeFixture::close);
		this.database.close();
	}

	private ExchangeFixture exchange(long seed) {
		ExchangeFixture fixture = ExchangeFixture.start(GeneratorConfig.of(seed, 6, 40, Instant.now()));
		this.exchanges.add(fixture);
		return fixture;
	}

	private SyncCommandRunner runner(List<String> options) {
		return new SyncCommandRunner(this.database, options);
	}

	private long lastExecutionId() {
		return JournalRows.count(this.database, "SELECT MAX(job_execution_id) FROM batch_job_execution");
	}

	@Test
	void aToLaterThanNowIsClampedToNowSoTheWatermarkNeverPassesNow() {
		ExchangeFixture exchange = exchange(41);
		Instant from = exchange.end().minus(Duration.ofDays(10));

		SyncCommandRunner.Result result = runner(exchange.options()).run("account=" + ACCOUNT, "from=" + from,
				"to=2030-01-01");
		Instant after = Instant.now();

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_watermark WHERE account = ? AND synced_to <= ?", ACCOUNT,
				java.time.OffsetDateTime.ofInstant(after, java.time.ZoneOffset.UTC)))
			.as("the watermark is not later than now")
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM batch_job_execution_params WHERE parameter_name = 'to' AND parameter_value LIKE '2030%'"))
			.as("the window ends at now, not in 2030")
			.isZero();
	}

	@Test
	void restartOfAnExecutionThatDoesNotExistExitsTwoNamingTheDatabaseWithoutCredentials() {
		SyncCommandRunner.Result result = runner(List.of("--spring.datasource.password=hunter2")).run("--restart=999");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("no execution 999 in jdbc:h2:mem:").doesNotContain("hunter2");
	}

	@Test
	void restartOfACompletedExecutionExitsTwoSayingSo() {
		ExchangeFixture exchange = exchange(42);
		SyncCommandRunner runner = runner(exchange.options());
		assertThat(runner.run("account=" + ACCOUNT, "days=5").exitCode()).isZero();
		long completed = lastExecutionId();

		SyncCommandRunner.Result result = runner.run("--restart=" + completed);

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("execution " + completed + " in jdbc:h2:mem:", "is COMPLETED",
				"nothing to restart");
		assertThat(lastExecutionId()).isEqualTo(completed);
	}

	@Test
	void restartWithNothingToRestartAnswersAtOnceWithoutCredentials() {
		ExchangeFixture exchange = exchange(43);
		assertThat(runner(exchange.options()).run("account=" + ACCOUNT, "days=5").exitCode()).isZero();
		int requests = exchange.requests().size();

		SyncCommandRunner.Result result = runner(List.of()).run("--restart");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).contains("nothing to restart in " + this.database.url().split(";")[0]);
		assertThat(exchange.requests()).as("no call to the exchange").hasSize(requests);
	}

	@Test
	void restartAgainstAnotherExchangeThanTheExecutionReadExitsTwo() {
		ExchangeFixture exchange = exchange(44);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		String failing = exchange.account().symbols().stream().map(SymbolSpec::symbol).sorted().toList().get(0);
		exchange.exchange().faults().failSymbolAlways(failing);
		List<String> options = new ArrayList<>(exchange.options());
		options.add("--binance.max-retries=1");
		assertThat(runner(options).run("account=" + ACCOUNT, "from=" + from, "to=" + to).exitCode()).isEqualTo(1);
		long failed = lastExecutionId();
		ExchangeFixture other = exchange(45);

		SyncCommandRunner.Result result = runner(other.options()).run("--restart");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("execution " + failed + " read " + exchange.exchange().baseUrl().replaceAll("/$", ""),
				"but binance.base-url is");
		assertThat(other.requests()).isEmpty();
		assertThat(lastExecutionId()).isEqualTo(failed);
	}

}
