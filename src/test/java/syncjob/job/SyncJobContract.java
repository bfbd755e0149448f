package syncjob.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.journal.AccountLock;
import syncjob.journal.AccountLocks;
import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SymbolSpec;
import syncjob.simulator.TruthResult;
import syncjob.testing.Accounts;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job end to end, through the real command line, against the in-process simulated
 * exchange, judged by the generator's ground truth. Run on each supported database.
 */
abstract class SyncJobContract {

	static final String ACCOUNT = "main";

	TestDatabase database;

	private final List<ExchangeFixture> exchanges = new ArrayList<>();

	abstract TestDatabase newDatabase();

	@BeforeEach
	void createDatabase() {
		this.database = newDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.exchanges.forEach(ExchangeFixture::close);
		this.database.close();
	}

	/**
	 * The reading of Binance's docs the exchange plays: an id-only request serves only the last N
	 * days (0: all that is kept). Subclasses run the contract under the readings they choose.
	 */
	int idPagingDays() {
		return 0;
	}

	ExchangeFixture exchange(GeneratorConfig config) {
		ExchangeFixture fixture = ExchangeFixture.start(AccountGenerator.generate(config),
				(options) -> options.idPagingDays(idPagingDays()), 180);
		this.exchanges.add(fixture);
		return fixture;
	}

	ExchangeFixture exchange(SimulatedAccount account, int tradeRetentionDays) {
		ExchangeFixture fixture = ExchangeFixture.start(account, (options) -> options.idPagingDays(idPagingDays()),
				tradeRetentionDays);
		this.exchanges.add(fixture);
		return fixture;
	}

	SyncCommandRunner runner(ExchangeFixture exchange, String... options) {
		List<String> all = new ArrayList<>(exchange.options());
		all.addAll(List.of(options));
		return new SyncCommandRunner(this.database, all);
	}

	static GeneratorConfig account(long seed, int symbols) {
		return GeneratorConfig.of(seed, symbols, 120, Instant.now());
	}

	static String param(String name, Instant value) {
		return name + "=" + value;
	}

	@Test
	void fullSyncEqualsTheGroundTruthEveryColumn() {
		ExchangeFixture exchange = exchange(account(11, 12));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(60));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);

		SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT, param("from", from),
				param("to", to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(truth.trades()).isNotEmpty();
		assertThat(truth.trades()).as("some lifecycle was open at from")
			.anyMatch((t) -> t.entryTime().isBefore(from));
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_reconciliation WHERE symbol = 'TOTAL' AND reconciled = TRUE"))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM sync_watermark WHERE account = ?",
				ACCOUNT)).isEqualTo(1);
	}

	@Test
	void theSameWindowTwiceInsertsNothingTheSecondTime() {
		ExchangeFixture exchange = exchange(account(12, 6));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(45));
		SyncCommandRunner runner = runner(exchange);
		assertThat(runner.run("account=" + ACCOUNT, param("from", from), param("to", to)).exitCode()).isZero();
		long rows = JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries");

		SyncCommandRunner.Result again = runner.run("account=" + ACCOUNT, param("from", from), param("to", to));
		SyncCommandRunner.Result overlapping = runner.run("account=" + ACCOUNT,
				param("from", from.plus(Duration.ofDays(10))), param("to", to.plusMillis(1)));

		assertThat(again.exitCode()).isZero();
		assertThat(overlapping.exitCode()).as(overlapping.err()).isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).isEqualTo(rows);
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT),
				exchange.truth(ACCOUNT, from, to, true).trades());
	}

	@Test
	void twoAdjacentWindowsGiveExactlyWhatOneCoveringWindowGives() {
		ExchangeFixture exchange = exchange(account(13, 8));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(70));
		Instant cut = to.minus(Duration.ofDays(23)).plusMillis(4321);
		SyncCommandRunner runner = runner(exchange);

		SyncCommandRunner.Result first = runner.run("account=" + ACCOUNT, param("from", from), param("to", cut));
		// No 'from': the second sync starts at the watermark the first one left.
		SyncCommandRunner.Result second = runner.run("account=" + ACCOUNT, param("to", to));

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(second.exitCode()).as(second.err()).isZero();
		TruthResult covering = exchange.truth(ACCOUNT, from, to, true);
		assertThat(exchange.truth(ACCOUNT, from, cut, true).openAtToTradeIds()).as("a lifecycle spans the cut")
			.isNotEmpty();
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), covering.trades());
	}

	@Test
	void lifecyclesStartedBeyondTradeRetentionAreReportedIncompleteAndNotInserted() {
		SimulatedAccount generated = AccountGenerator.generate(GeneratorConfig.of(14, 10, 150, Instant.now()));
		ExchangeFixture exchange = exchange(generated, 100);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(95));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);

		SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT, param("from", from),
				param("to", to));

		assertThat(truth.incompleteTradeIds()).as("the data has a lifecycle older than retention").isNotEmpty();
		assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
		assertThat(JournalRows.count(this.database,
				"SELECT COALESCE(SUM(lifecycles_incomplete), 0) FROM sync_reconciliation WHERE symbol = 'TOTAL'"))
			.isEqualTo(truth.incompleteTradeIds().size());
	}

	@Test
	void aFailingSymbolInPartitionThreeFailsTheRunAndRestartFinishesOnlyWhatFailed() {
		ExchangeFixture exchange = exchange(account(15, 24));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(40));
		SyncCommandRunner runner = runner(exchange, "--sync.max-parallel-partitions=2");
		List<String> symbols = exchange.account().symbols().stream().map(SymbolSpec::symbol).sorted().toList();
		String failing = symbols.get(9);
		exchange.exchange().faults().failSymbolAlways(failing);

		SyncCommandRunner.Result failed = runner.run("account=" + ACCOUNT, param("from", from), param("to", to));

		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
		assertThat(failed.err()).contains("--restart");
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = ?", failing))
			.isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = ?",
				symbols.get(0))).isPositive();

		exchange.exchange().faults().clearSymbol(failing);
		int before = exchange.requests().size();
		SyncCommandRunner.Result restarted = runner.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT),
				exchange.truth(ACCOUNT, from, to, true).trades());
		Set<String> fetchedAfterRestart = exchange.requests()
			.subList(before, exchange.requests().size())
			.stream()
			.filter((r) -> r.path().endsWith("/userTrades") || r.path().endsWith("/allOrders"))
			.map(RequestLogEntry::symbol)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(fetchedAfterRestart).containsExactlyElementsOf(symbols.subList(8, 12));
	}

	@Test
	void aSecondLaunchForALockedAccountIsRefusedAndWritesNothing() throws Exception {
		ExchangeFixture exchange = exchange(account(16, 4));
		try (var context = new org.springframework.jdbc.datasource.DriverManagerDataSource(this.database.url(),
				this.database.username(), this.database.password()).getConnection()) {
			// the schema must exist for the count below; a first completed run creates it
		}
		SyncCommandRunner runner = runner(exchange);
		assertThat(runner.run("account=other", "days=5").exitCode()).isZero();
		long executions = JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_execution");

		try (AccountLock held = new AccountLocks(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				this.database.url(), this.database.username(), this.database.password()))
			.tryAcquire(ACCOUNT)
			.orElseThrow()) {
			SyncCommandRunner.Result refused = runner.run("account=" + ACCOUNT, "days=30");

			assertThat(refused.exitCode()).isEqualTo(2);
			assertThat(refused.err()).contains("another sync of account 'main' is running");
		}
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE account = ?", ACCOUNT))
			.isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(executions);
	}

	@Test
	void invalidCredentialsExitTwoBeforeAnyPartitionAndWriteNoExecution() {
		ExchangeFixture exchange = exchange(account(17, 4));
		SyncCommandRunner runner = new SyncCommandRunner(this.database,
				List.of("--binance.base-url=" + exchange.exchange().baseUrl(), "--binance.api-key=" + exchange.exchange().apiKey(),
						"--binance.api-secret=not-the-secret-0123456789abcdef"));

		SyncCommandRunner.Result result = runner.run("account=" + ACCOUNT, "days=10");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Binance refused the credentials").doesNotContain("not-the-secret-0123456789abcdef");
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_execution")).isZero();
		assertThat(exchange.requests()).noneMatch((r) -> r.path().endsWith("/userTrades"));
	}

	@Test
	void aRejectedTradeIsReportedAndExitsThree() {
		SimulatedAccount generated = AccountGenerator.generate(GeneratorConfig.of(18, 3, 60, Instant.now()));
		ExchangeFixture exchange = exchange(withZeroPriceTrade(generated), 180);
		Instant to = exchange.end();

		SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT,
				param("from", to.minus(Duration.ofDays(30))), param("to", to));

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_rejected_trades WHERE binance_trade_id = 'BADUSDT-LONG-1' AND reasons LIKE '%price%'"))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = 'BADUSDT'"))
			.isZero();
	}

	@Test
	void malformedParametersExitTwoAndWriteNothing() {
		ExchangeFixture exchange = exchange(account(19, 2));
		SyncCommandRunner runner = runner(exchange);

		assertThat(runner.run("days=0").exitCode()).isEqualTo(2);
		assertThat(runner.run("from=2026-10-01", "to=2026-09-01").exitCode()).isEqualTo(2);
		assertThat(runner.run("--sync.symbols-per-partition=0").exitCode()).isEqualTo(2);

		assertThat(exchange.requests()).isEmpty();
	}

	/** A symbol whose only lifecycle closes at price 0: validation must reject it. */
	static SimulatedAccount withZeroPriceTrade(SimulatedAccount account) {
		Instant open = account.end().minus(Duration.ofDays(3));
		Instant close = open.plus(Duration.ofHours(5));
		String s = "BADUSDT";
		Fill buy = new Fill(s, 1, 101, Side.BUY, PositionSide.BOTH, new BigDecimal("100"), BigDecimal.ONE,
				BigDecimal.ZERO, new BigDecimal("0.05"), "USDT", open, false);
		Fill sell = new Fill(s, 2, 102, Side.SELL, PositionSide.BOTH, BigDecimal.ZERO, BigDecimal.ONE,
				new BigDecimal("-100"), new BigDecimal("0.01"), "USDT", close, false);
		List<Order> orders = List.of(
				new Order(s, 101, "MARKET", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE, open, open),
				new Order(s, 102, "MARKET", "FILLED", Side.SELL, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE, close,
						close));
		List<IncomeRecord> income = List.of(
				new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.05"), "USDT", open, "900000000000000001", "1", ""),
				new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.01"), "USDT", close, "900000000000000002", "2", ""),
				new IncomeRecord(s, IncomeType.REALIZED_PNL, new BigDecimal("-100"), "USDT", close, "900000000000000003", "2", ""));
		return Accounts.withSymbol(account, new SymbolSpec(s, "BAD", "USDT"), List.of(buy, sell), orders, income);
	}

}
