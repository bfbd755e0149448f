package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.ClientRequest;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.ServedAccount;
import syncjob.simulator.TruthResult;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

/**
 * Several accounts in one run ({@code --sync.accounts-file}, {@code accounts=}): each its own
 * job, credentials and journal rows, exact against its own ground truth (detail columns too:
 * the accounts trade in the simulator's one market, so the klines it serves are every
 * account's truth); the end lists every account and the exit code follows the several-accounts
 * rule.
 */
abstract class ManyAccountsContract {


	TestDatabase database;

	ExchangeFixture exchange;

	@TempDir
	Path credentials;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void createDatabase() {
		this.database = newDatabase();
	}

	@AfterEach
	void close() {
		if (this.exchange != null) {
			this.exchange.close();
		}
		this.database.close();
	}

	private ExchangeFixture start(int accounts, long seed) {
		Instant end = Instant.now();
		List<GeneratorConfig> configs = IntStream.range(0, accounts)
			.mapToObj((i) -> GeneratorConfig.of(seed + i, 3, 30, end))
			.toList();
		this.exchange = ExchangeFixture.startMany(configs, UnaryOperator.identity(), 180);
		return this.exchange;
	}

	/** A symbol {@code account} filled in the window and {@code other} never traded: a fault there hits one account. */
	private static String onlyTradedBy(ServedAccount account, ServedAccount other, Instant from) {
		java.util.Set<String> others = new java.util.HashSet<>();
		other.account().symbols().forEach((spec) -> others.add(spec.symbol()));
		return account.account()
			.fills()
			.stream()
			.filter((fill) -> !fill.time().isBefore(from) && !others.contains(fill.symbol()))
			.map(syncjob.lifecycle.Fill::symbol)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("pick other seeds: every symbol of " + account.name()
					+ " active in the window is traded by " + other.name() + " too"));
	}

	private SyncCommandRunner runner(String... more) {
		List<String> options = new ArrayList<>(this.exchange.exchangeOptions());
		options.addAll(Arrays.asList(JournalDepthContract.KLINES_ON));
		options.addAll(List.of(more));
		return new SyncCommandRunner(this.database, options);
	}

	@Test
	void twelveGeneratedAccountsAreEachExactInOneRun() {
		start(12, 500);
		Path file = this.exchange.writeAccountsFile(this.credentials);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner("--sync.accounts-file=" + file, "--sync.max-parallel-accounts=3")
			.run("from=" + from, "to=" + to);

		assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 3);
		int trades = 0;
		int valuedFees = 0;
		for (ServedAccount served : this.exchange.served()) {
			TruthResult truth = this.exchange.truth(served, served.name(), from, to, true);
			assertThat(truth.trades()).as("every excursion of " + served.name() + " is served")
				.allMatch((t) -> t.details().maePrice() != null && t.details().mfePrice() != null);
			assertSameJournal(served.name(), truth);
			trades += truth.trades().size();
			valuedFees += (int) truth.trades().stream().filter((t) -> t.feeOther() != null).count();
			assertThat(result.out()).containsPattern("(?m)^  " + served.name() + " +exit [03] ");
		}
		assertThat(trades).isGreaterThan(12);
		assertThat(valuedFees).as("some commission is paid in BNB and valued from the klines").isPositive();
		assertThat(this.exchange.exchange().clientRequests()).extracting(ClientRequest::account)
			.containsAll(this.exchange.served().stream().map(ServedAccount::name).toList());
	}

	@Test
	void aMissingCredentialRefusesItsAccountAndTheOthersStillSync() throws IOException {
		start(3, 600);
		Path file = this.exchange.writeAccountsFile(this.credentials);
		Files.delete(this.credentials.resolve("acct-2.secret"));
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = runner("--sync.accounts-file=" + file).run("from=" + from, "to=" + to);

		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
		assertThat(result.out()).containsPattern("(?m)^  acct-2 +exit 2  refused: API secret \\(.*line 6\\)");
		for (String name : List.of("acct-1", "acct-3")) {
			ServedAccount served = this.exchange.served(name);
			assertSameJournal(name, this.exchange.truth(served, name, from, to, true));
		}
		assertThat(JournalRows.read(this.database, "acct-2")).isEmpty();
	}

	@Test
	void aFailedAccountMakesTheRunExit1AndARestartResumesOnlyIt() throws IOException {
		start(2, 700);
		Path file = this.exchange.writeAccountsFile(this.credentials);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		String failing = onlyTradedBy(this.exchange.served("acct-2"), this.exchange.served("acct-1"), from);
		this.exchange.exchange().faults().failSymbolAlways(failing);

		SyncCommandRunner.Result failed = runner("--sync.accounts-file=" + file, "--binance.max-retries=1")
			.run("from=" + from, "to=" + to);
		this.exchange.exchange().faults().clear();
		SyncCommandRunner.Result restarted = runner("--sync.accounts-file=" + file).run("--restart");

		assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
		assertThat(failed.out()).containsPattern("(?m)^  acct-2 +exit 1  failed");
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isIn(0, 3);
		assertThat(restarted.out()).containsPattern("(?m)^  acct-1 +exit 0  nothing to restart");
		for (ServedAccount served : this.exchange.served()) {
			assertSameJournal(served.name(), this.exchange.truth(served, served.name(), from, to, true));
		}
	}

	@Test
	void aMistakeInTheAccountsFileExits2NamingTheLineAndTouchesNoDatabase() throws IOException {
		start(1, 800);
		Path file = this.credentials.resolve("accounts.yml");
		Files.writeString(file, "accounts:\n  - name: alice\n    api-key-env: ALICE_KEY\n    api-secret: s3cr3t\n");

		SyncCommandRunner.Result result = runner("--sync.accounts-file=" + file).run();

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains(file + " line 4: 'api-secret' would put a secret in this file")
			.doesNotContain("s3cr3t");
		assertThat(tables()).doesNotContain("trade_entries", "batch_job_instance");
	}

	/** Every column of the account's rows, details too, is its ground truth's. */
	private void assertSameJournal(String account, TruthResult truth) {
		List<TradeEntry> rows = JournalRows.read(this.database, account);
		JournalRows.assertSameRows(rows, truth.trades());
		JournalRows.assertSameDetails(rows, truth.trades());
	}

	private List<String> tables() {
		List<String> names = new ArrayList<>();
		try (java.sql.Connection c = this.database.connect();
				java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

}
