package syncjob.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.SyncCommandRunner.Result;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees at the end of a sync and when looking at the journal afterwards, through
 * the real command line: the short summary, {@code --report}, {@code --status} and a
 * read-only {@code --sql}, each compared with what the database holds.
 */
abstract class JournalViewsContract {

	static final String ACCOUNT = "views";

	private TestDatabase database;

	private ExchangeFixture exchange;

	private Result synced;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void sync() {
		this.database = newDatabase();
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(91, 10, 40, Instant.now()));
		Instant from = this.exchange.end().minus(Duration.ofDays(20));
		this.synced = new SyncCommandRunner(this.database, this.exchange.options()).run("account=" + ACCOUNT,
				"from=" + from);
	}

	@AfterEach
	void close() {
		this.exchange.close();
		this.database.close();
	}

	private Result look(String... args) {
		return new SyncCommandRunner(this.database, List.of()).run(args);
	}

	private long executionId() {
		return JournalRows.count(this.database, "SELECT MAX(job_execution_id) FROM sync_reconciliation");
	}

	private String watermark() {
		try (Connection c = this.database.connect();
				PreparedStatement ps = c.prepareStatement("SELECT synced_to FROM sync_watermark WHERE account = ?")) {
			ps.setString(1, ACCOUNT);
			try (ResultSet rs = ps.executeQuery()) {
				assertThat(rs.next()).as("a watermark").isTrue();
				return rs.getObject(1, OffsetDateTime.class).toInstant().toString();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theEndOfARunIsASummaryOfAtMostFifteenLinesThatFitEightyColumns() {
		long inserted = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE account = ?",
				ACCOUNT);
		long symbols = JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_reconciliation WHERE symbol <> 'TOTAL' AND job_execution_id = ?",
				executionId());
		long open = JournalRows.count(this.database,
				"SELECT lifecycles_open FROM sync_reconciliation WHERE symbol = 'TOTAL' AND job_execution_id = ?",
				executionId());
		List<String> lines = this.synced.out().strip().lines().toList();

		assertThat(this.synced.exitCode()).as(this.synced.err()).isZero();
		assertThat(inserted).isPositive();
		assertThat(lines).as(this.synced.out()).hasSizeLessThanOrEqualTo(15);
		assertThat(lines).filteredOn((line) -> !line.startsWith("Data:"))
			.allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(80));
		assertThat(this.synced.out()).contains(
				"Trades:  " + inserted + " inserted, 0 already present, 0 rejected, " + open + " still open",
				"Symbols: " + symbols + " of " + symbols + " reconciled", "Result:  exit 0, completed and reconciled",
				"tables trade_entries", "--report=" + executionId());
	}

	@Test
	void aSecondSyncOfTheSameWindowCountsItsTradesAsAlreadyPresent() {
		long inserted = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");
		Instant from = this.exchange.end().minus(Duration.ofDays(20));

		Result again = new SyncCommandRunner(this.database, this.exchange.options()).run("account=" + ACCOUNT,
				"from=" + from, "to=" + this.exchange.end().minusSeconds(1));

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).containsPattern("Trades:  0 inserted, [1-9][0-9]* already present");
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).isEqualTo(inserted);
	}

	@Test
	void reportPrintsTheStoredReconciliationOfTheLatestExecutionOrTheOneNamed() {
		long symbols = JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_reconciliation WHERE symbol <> 'TOTAL' AND job_execution_id = ?",
				executionId());

		Result latest = look("--report", "account=" + ACCOUNT);
		Result named = look("--report=" + executionId());
		Result missing = look("--report=999999");
		Result otherAccount = look("--report", "account=nobody");

		assertThat(latest.exitCode()).as(latest.err()).isZero();
		assertThat(latest.out()).startsWith("Reconciliation of account " + ACCOUNT)
			.contains("(execution " + executionId() + ", in jdbc:", "SYMBOL", "TOTAL", "docs/journal.md");
		assertThat(latest.out().lines().filter((line) -> line.matches("^[A-Z0-9]+USD[TC]\\s.*")))
			.as("one line per symbol").hasSize((int) symbols);
		assertThat(named.out()).isEqualTo(latest.out());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("no reconciliation of execution 999999 in jdbc:");
		assertThat(otherAccount.exitCode()).isEqualTo(2);
		assertThat(otherAccount.err()).contains("no reconciliation of account 'nobody'");
	}

	@Test
	void statusShowsTheWatermarkTheExecutionsAndWhatRestartWouldDo() {
		String watermark = watermark();

		Result status = look("--status", "account=" + ACCOUNT);

		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("Account " + ACCOUNT + " in jdbc:", "Watermark: " + watermark,
				"--restart: nothing to restart");
		assertThat(status.out()).containsPattern("\\n\\s+" + executionId() + "\\s+COMPLETED\\s");
		assertThat(status.out().lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(80));
	}

	@Test
	void sqlPrintsAnAlignedTableOfAQuery() {
		long trades = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");

		Result result = look("--sql", "select symbol, count(*) as trades from trade_entries group by symbol order by symbol");

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<String> lines = result.out().lines().toList();
		assertThat(lines.get(0)).startsWith("symbol").contains("trades");
		assertThat(lines.get(1)).matches("-+  -+");
		long summed = lines.subList(2, lines.size() - 1)
			.stream()
			.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
		assertThat(summed).isEqualTo(trades);
		assertThat(lines.get(lines.size() - 1)).isEqualTo("(" + (lines.size() - 3) + " rows)");
	}

	@Test
	void sqlRefusesAnythingThatWritesAndChangesNothing() {
		long trades = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");

		List<Result> refused = List.of(look("--sql=delete from trade_entries"),
				look("--sql", "select 1; delete from trade_entries"), look("--sql", "drop table trade_entries"),
				look("--sql", "update trade_entries set fees = 0"));

		assertThat(refused).allSatisfy((result) -> {
			assertThat(result.exitCode()).isEqualTo(2);
			assertThat(result.err()).contains("--sql");
			assertThat(result.out()).isEmpty();
		});
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).isEqualTo(trades);
	}

	@Test
	void aSyncWithNothingToDoSaysSoNamingTheDatabase() {
		Result nothing = new SyncCommandRunner(this.database, this.exchange.options()).run("account=" + ACCOUNT,
				"to=" + this.exchange.end().minus(Duration.ofDays(1)));

		assertThat(nothing.exitCode()).as(nothing.err()).isZero();
		assertThat(nothing.out()).contains("Account " + ACCOUNT + " is synced up to " + watermark() + " in jdbc:",
				"nothing to do");
	}

}
