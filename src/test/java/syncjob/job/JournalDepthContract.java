package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.CandleRange;
import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.Fill;
import syncjob.lifecycle.NotServed;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.StreamKey;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.ValidationStatus;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatorOptions;
import syncjob.simulator.SymbolSpec;
import syncjob.simulator.TruthOpenPosition;
import syncjob.simulator.TruthResult;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

/**
 * The journal's detail columns and open positions end to end, through the real command line,
 * against the simulated exchange, judged by the generator's ground truth. What the simulator
 * serves of klines decides which columns hold values: where it serves none, every row must say
 * so in its warnings, and nothing else may differ.
 */
abstract class JournalDepthContract {

	static final String ACCOUNT = "main";

	/** Both klines uses on, whatever the test configuration defaults them to. */
	static final String[] KLINES_ON = { "--sync.excursions=true", "--sync.value-other-fees=true" };

	static final String[] KLINES_OFF = { "--sync.excursions=false", "--sync.value-other-fees=false" };

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

	ExchangeFixture exchange(long seed, int symbols) {
		return exchange(GeneratorConfig.of(seed, symbols, 120, Instant.now()));
	}

	ExchangeFixture exchange(GeneratorConfig config) {
		return exchange(config, UnaryOperator.identity());
	}

	ExchangeFixture exchange(GeneratorConfig config, UnaryOperator<SimulatorOptions.Builder> options) {
		ExchangeFixture fixture = ExchangeFixture.start(AccountGenerator.generate(config), options, 180);
		this.exchanges.add(fixture);
		return fixture;
	}

	SyncCommandRunner runner(ExchangeFixture exchange, String... options) {
		List<String> all = new ArrayList<>(exchange.options());
		all.addAll(List.of(options));
		return new SyncCommandRunner(this.database, all);
	}

	static String[] window(Instant from, Instant to) {
		return new String[] { "account=" + ACCOUNT, "from=" + from, "to=" + to };
	}

	/**
	 * Issue 12's acceptance: an account with liquidations, ADL, settlements, BNB fees and hedge
	 * mode, synced with the defaults (both klines uses on); every column of every row is the
	 * ground truth's, a second sync changes no row.
	 */
	@Test
	void everyNewColumnOfEveryRowEqualsTheGroundTruth() throws SQLException {
		ExchangeFixture exchange = exchange(
				GeneratorConfig.of(51, 10, 120, Instant.now()).withHedgeShare(0.5).withAutoCloses(true));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(60));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);
		assertThat(truth.trades()).extracting((t) -> t.details().closeReason())
			.as("the account has every kind of close")
			.contains(CloseReason.LIQUIDATION, CloseReason.ADL, CloseReason.SETTLEMENT, CloseReason.TRADE);
		assertThat(truth.trades()).as("some commission is paid in BNB").anyMatch((t) -> t.feeOther() != null);
		assertThat(truth.trades()).as("hedge mode").anyMatch((t) -> t.positionSide() != PositionSide.BOTH);
		assertThat(truth.trades()).as("every excursion is served").allMatch((t) -> t.details().maePrice() != null);
		SyncCommandRunner runner = runner(exchange);

		SyncCommandRunner.Result result = runner.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<TradeEntry> rows = JournalRows.read(this.database, ACCOUNT);
		JournalRows.assertSameRows(rows, truth.trades());
		JournalRows.assertSameDetails(rows, truth.trades());
		List<Map<String, Object>> written = tradeRows();
		SyncCommandRunner.Result again = runner.run(window(from.minusMillis(1), to));
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(tradeRows()).as("a second sync changes no row").isEqualTo(written);
		assertSameOpenPositions(truth.openPositions());

		// the rows made again from the klines cache alone: the same details, no klines asked for
		int klinesAsked = klinesRequests(exchange);
		try (Connection c = this.database.connect(); Statement st = c.createStatement()) {
			st.executeUpdate("DELETE FROM trade_entries");
		}
		SyncCommandRunner.Result fromCache = runner.run(window(from.minusMillis(2), to));
		assertThat(fromCache.exitCode()).as(fromCache.err()).isZero();
		assertThat(klinesRequests(exchange)).as("every candle came from the cache").isEqualTo(klinesAsked);
		JournalRows.assertSameDetails(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	private static int klinesRequests(ExchangeFixture exchange) {
		return (int) exchange.exchange()
			.requestLog()
			.stream()
			.filter((entry) -> entry.path().endsWith("/klines"))
			.count();
	}

	@Test
	void anExchangeWithoutKlinesGivesNullsAndSaysSoInEveryRowItConcerns() {
		ExchangeFixture exchange = exchange(GeneratorConfig.of(58, 6, 120, Instant.now()),
				(options) -> options.klines(false));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(45));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);
		assertThat(truth.trades()).as("the ground truth has the warnings").isNotEmpty()
			.allMatch((t) -> t.warnings().contains(NotServed.KLINES_NOT_SERVED));

		SyncCommandRunner.Result result = runner(exchange).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<TradeEntry> rows = JournalRows.read(this.database, ACCOUNT);
		JournalRows.assertSameRows(rows, truth.trades());
		JournalRows.assertSameDetails(rows, truth.trades());
	}

	@Test
	void withKlinesOnEveryRowHasItsDetailsAndSaysWhatWasNotServedAfterItsOtherWarnings() {
		ExchangeFixture exchange = exchange(52, 8);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(45));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);

		SyncCommandRunner.Result result = runner(exchange, KLINES_ON).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<TradeEntry> rows = JournalRows.read(this.database, ACCOUNT);
		assertThat(rows).isNotEmpty();
		assertThat(rows).as("some commission is paid in BNB").anyMatch((row) -> row.feeOther() != null);
		Map<String, String> quotes = quoteAssets(exchange.account());
		for (TradeEntry row : rows) {
			TradeDetails details = row.details();
			assertThat(details).as(row.binanceTradeId()).isNotNull();
			assertThat(details.quoteAsset()).isEqualTo(quotes.get(row.symbol()));
			assertThat(details.holdSeconds()).isEqualTo(Duration.between(row.entryTime(), row.exitTime()).getSeconds());
			List<String> warnings = warnings(row);
			List<String> klines = warnings.stream().filter((w) -> isKlinesWarning(w)).toList();
			assertThat(warnings.subList(warnings.size() - klines.size(), warnings.size()))
				.as("the klines warnings come last, fee prices first: " + row.binanceTradeId())
				.isEqualTo(klines.stream().sorted((a, b) -> rank(a) - rank(b)).toList());
			String excursionWarning = NotServed.klines(row.symbol(), CandleRange.covering(row.entryTime(),
					row.exitTime()));
			assertThat(details.maePrice() == null).as("no excursion exactly where its klines were not served: "
					+ row.binanceTradeId()).isEqualTo(warnings.contains(excursionWarning));
			assertThat(details.feeOtherQuote() == null)
				.as("no valuation exactly where a price was not served: " + row.binanceTradeId())
				.isEqualTo(warnings.stream().anyMatch((w) -> w.startsWith(NotServed.FEE_PRICE_NOT_SERVED)));
			if (row.feeOther() == null) {
				assertThat(details.feeOtherQuote()).as(row.binanceTradeId()).isEqualByComparingTo("0");
			}
			assertThat(row.validationStatus()).isEqualTo(warnings.isEmpty() ? ValidationStatus.VALID
					: ValidationStatus.WARNING);
		}
		JournalRows.assertSameRows(rows.stream().map(JournalDepthContract::withoutKlinesWarnings).toList(),
				truth.trades().stream().map(JournalDepthContract::withoutKlinesWarnings).toList());
	}

	@Test
	void withBothKlinesUsesOffTheirColumnsAreNullWithoutAWarningAndNoKlinesAreAsked() {
		ExchangeFixture exchange = exchange(53, 6);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(40));

		SyncCommandRunner.Result result = runner(exchange, KLINES_OFF).run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		List<TradeEntry> rows = JournalRows.read(this.database, ACCOUNT);
		JournalRows.assertSameRows(rows, exchange.truth(ACCOUNT, from, to, true).trades());
		assertThat(rows).allSatisfy((row) -> {
			TradeDetails details = row.details();
			assertThat(details.quoteAsset()).isNotNull();
			assertThat(details.entryNotional()).isNotNull();
			assertThat(details.result()).isNotNull();
			assertThat(details.feeOtherQuote()).isNull();
			assertThat(details.netPnlAllFees()).isNull();
			assertThat(details.excursionInterval()).isNull();
			assertThat(details.maePrice()).isNull();
			assertThat(details.mfePrice()).isNull();
			assertThat(details.maePct()).isNull();
			assertThat(details.mfePct()).isNull();
		});
		assertThat(exchange.requests()).noneMatch((r) -> r.path().endsWith("/klines"));
	}

	@Test
	void aSecondSyncOfTheWindowChangesNoValueOfAnyRow() {
		ExchangeFixture exchange = exchange(54, 6);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(40));
		SyncCommandRunner runner = runner(exchange, KLINES_ON);
		assertThat(runner.run(window(from, to)).exitCode()).isZero();
		List<Map<String, Object>> before = tradeRows();

		// a window synced to completion with the very same bounds is not run again: a moment wider is
		SyncCommandRunner.Result again = runner.run(window(from.minusMillis(1), to));
		SyncCommandRunner.Result overlapping = runner.run(window(from.plus(Duration.ofDays(12)), to.plusMillis(1)));

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(overlapping.exitCode()).as(overlapping.err()).isZero();
		assertThat(before).isNotEmpty();
		assertThat(tradeRows()).isEqualTo(before);
	}

	@Test
	void rowsAnEarlierVersionWroteGetTheNewColumnsFromASecondSyncOfTheirWindow() {
		ExchangeFixture exchange = exchange(55, 6);
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(40));
		SyncCommandRunner runner = runner(exchange, KLINES_ON);
		assertThat(runner.run(window(from, to)).exitCode()).isZero();
		List<Map<String, Object>> written = tradeRows();
		// what an earlier version wrote: none of the columns V4 added
		execute("UPDATE trade_entries SET " + Arrays.stream(DETAIL_COLUMNS)
			.map((column) -> column + " = NULL")
			.collect(Collectors.joining(", ")));

		SyncCommandRunner.Result second = runner.run(window(from.minusMillis(1), to));

		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(tradeRows()).as("every column as a sync of this version writes it, none other changed")
			.isEqualTo(written);
	}

	@Test
	void openPositionsAreTheGeneratorsOpenStreamsAtToAndAnOlderWindowLeavesThemAlone() {
		ExchangeFixture exchange = exchange(56, 10);
		Instant to = exchange.end();
		Set<String> expected = openStreams(exchange.account(), to);
		assertThat(expected).as("the account has positions at its end").isNotEmpty();

		SyncCommandRunner runner = runner(exchange);
		assertThat(runner.run(window(to.minus(Duration.ofDays(30)), to)).exitCode()).isZero();
		long execution = JournalRows.count(this.database, "SELECT MAX(job_execution_id) FROM batch_job_execution");

		assertThat(openPositions()).isEqualTo(expected);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM open_positions WHERE account = ? AND "
				+ "as_of = ? AND job_execution_id = ?", ACCOUNT, OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC),
				execution)).isEqualTo(expected.size());

		Instant older = to.minus(Duration.ofDays(10));
		assertThat(runner.run(window(to.minus(Duration.ofDays(20)), older)).exitCode()).isZero();

		assertThat(openPositions()).isEqualTo(expected);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM open_positions WHERE job_execution_id = ?",
				execution)).isEqualTo(expected.size());
	}

	@Test
	void openPositionsSurviveARestartThatSkipsCommittedBatches() {
		ExchangeFixture exchange = exchange(GeneratorConfig.of(57, 16, 120, Instant.now()).withAutoCloses(true));
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(30));
		Set<String> expected = openStreams(exchange.account(), to);
		SyncCommandRunner runner = runner(exchange, "--sync.max-parallel-partitions=1");
		List<String> symbols = exchange.account().symbols().stream().map(SymbolSpec::symbol).sorted().toList();
		String failing = symbols.get(symbols.size() - 1);
		exchange.exchange().faults().failSymbolAlways(failing);

		SyncCommandRunner.Result failed = runner.run(window(from, to));

		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
		assertThat(openPositions()).as("only a completed sync writes the snapshot").isEmpty();
		exchange.exchange().faults().clearSymbol(failing);
		int before = exchange.requests().size();

		SyncCommandRunner.Result restarted = runner.run("--restart");

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		Set<String> refetched = exchange.requests()
			.subList(before, exchange.requests().size())
			.stream()
			.filter((r) -> r.path().endsWith("/userTrades"))
			.map((r) -> r.symbol())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(refetched).as("the committed batches are skipped").doesNotContain(symbols.get(0));
		assertThat(expected).as("a committed batch has an open stream")
			.anyMatch((stream) -> !refetched.contains(stream.substring(0, stream.indexOf(' '))));
		assertThat(openPositions()).isEqualTo(expected);
		assertSameOpenPositions(exchange.truth(ACCOUNT, from, to, true).openPositions());
	}

	private static final String[] DETAIL_COLUMNS = { "quote_asset", "hold_seconds", "entry_notional",
			"exit_notional", "net_return_pct", "result", "maker_ratio", "close_reason", "fee_other_quote",
			"net_pnl_all_fees", "excursion_interval", "mae_price", "mfe_price", "mae_pct", "mfe_pct" };

	/**
	 * The streams of the generated account with a position at {@code to}, one line each:
	 * {@code symbol side direction |quantity|}, from its fills before {@code to}.
	 */
	static Set<String> openStreams(SimulatedAccount account, Instant to) {
		Map<StreamKey, BigDecimal> positions = new TreeMap<>();
		for (Fill fill : account.fills()) {
			if (fill.time().isBefore(to)) {
				positions.merge(fill.stream(), fill.signedQty(), BigDecimal::add);
			}
		}
		Set<String> open = new TreeSet<>();
		positions.forEach((stream, position) -> {
			if (position.signum() != 0) {
				open.add(stream.symbol() + " " + stream.positionSide() + " " + (position.signum() > 0 ? "LONG" : "SHORT")
						+ " " + position.abs().stripTrailingZeros().toPlainString());
			}
		});
		return open;
	}

	/** The account's snapshot, one line each as {@link #openStreams} writes them. */
	private Set<String> openPositions() {
		Set<String> open = new TreeSet<>();
		try (Connection c = this.database.connect();
				PreparedStatement ps = c.prepareStatement("SELECT * FROM open_positions WHERE account = ?")) {
			ps.setString(1, ACCOUNT);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					open.add(rs.getString("symbol") + " " + rs.getString("position_side") + " "
							+ rs.getString("direction") + " "
							+ rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return open;
	}

	/** Every column of the account's {@code open_positions} rows is the ground truth's, amounts by value. */
	private void assertSameOpenPositions(List<TruthOpenPosition> expected) {
		List<TruthOpenPosition> actual = new ArrayList<>();
		try (Connection c = this.database.connect();
				PreparedStatement ps = c.prepareStatement(
						"SELECT * FROM open_positions WHERE account = ? ORDER BY symbol, position_side")) {
			ps.setString(1, ACCOUNT);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
					actual.add(new TruthOpenPosition(rs.getString("symbol"),
							PositionSide.valueOf(rs.getString("position_side")),
							Direction.valueOf(rs.getString("direction")), opened == null ? null : opened.toInstant(),
							rs.getBigDecimal("quantity"), rs.getBigDecimal("entry_price"),
							rs.getBigDecimal("realized_pnl"), rs.getBigDecimal("fees"),
							rs.getBigDecimal("funding_fees"), rs.getInt("fill_count"), rs.getBoolean("complete")));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(expected).as("the account has positions at its end").isNotEmpty();
		assertThat(actual).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
			.withComparatorForType(Comparator.nullsFirst(BigDecimal::compareTo), BigDecimal.class)
			.build()).containsExactlyElementsOf(expected);
	}

	/** Every column of every {@code trade_entries} row, by trade id. */
	private List<Map<String, Object>> tradeRows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Connection c = this.database.connect();
				PreparedStatement ps = c.prepareStatement("SELECT * FROM trade_entries ORDER BY binance_trade_id");
				ResultSet rs = ps.executeQuery()) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
				}
				rows.add(row);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	private void execute(String sql) {
		try (Connection c = this.database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			ps.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> quoteAssets(SimulatedAccount account) {
		Map<String, String> quotes = new TreeMap<>();
		account.symbols().forEach((spec) -> quotes.put(spec.symbol(), spec.quoteAsset()));
		return quotes;
	}

	private static List<String> warnings(TradeEntry row) {
		return row.warnings() == null ? List.of() : List.of(row.warnings().split("; "));
	}

	private static boolean isKlinesWarning(String warning) {
		return warning.startsWith(NotServed.FEE_PRICE_NOT_SERVED) || warning.startsWith(NotServed.KLINES_NOT_SERVED);
	}

	private static int rank(String warning) {
		return warning.startsWith(NotServed.FEE_PRICE_NOT_SERVED) ? 0 : 1;
	}

	/** The row as if the klines warnings were not there: the section 3 row the rest of the contract sets. */
	static TradeEntry withoutKlinesWarnings(TradeEntry row) {
		List<String> kept = warnings(row).stream().filter((w) -> !isKlinesWarning(w)).toList();
		return new TradeEntry(row.account(), row.source(), row.binanceTradeId(), row.symbol(), row.direction(),
				row.positionSide(), row.entryTime(), row.exitTime(), row.quantity(), row.entryPrice(), row.exitPrice(),
				row.realizedPnl(), row.fees(), row.feeOther(), row.fundingFees(), row.netPnl(), row.fillCount(),
				row.maxPosition(), row.entryOrderType(), row.exitOrderType(),
				kept.isEmpty() ? ValidationStatus.VALID : ValidationStatus.WARNING,
				kept.isEmpty() ? null : String.join("; ", kept), row.details());
	}

}
