package syncjob.reliability;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SymbolSpec;
import syncjob.testing.Accounts;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.ACCOUNT;
import static syncjob.reliability.Runs.window;

/** Bad input from the operator (exit 2, nothing written) and from the exchange (rejected, exit 3). */
class BadInputTests {

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void start() {
		this.database = TestDatabase.h2File();
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(401, 4, 30, Instant.now()));
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	static Stream<Arguments> malformedCommandLines() {
		return Stream.of(Arguments.of(List.of("from=2026-10-01", "to=2026-09-01"), "give a from earlier than to"),
				Arguments.of(List.of("days=0"), "give e.g. days=30"),
				Arguments.of(List.of("days=-7"), "give e.g. days=30"),
				Arguments.of(List.of("from=yesterday"), "ISO-8601 instant such as 2026-09-01T00:00:00Z"),
				Arguments.of(List.of("to=2026-13-45"), "ISO-8601 instant such as 2026-09-01T00:00:00Z"),
				Arguments.of(List.of("account="), "give a name such as account=main"),
				Arguments.of(List.of("account=x';DROP TABLE trade_entries;--"), "is not a valid name"),
				Arguments.of(List.of("--binance.base-url=http://fapi.binance.com"), "set --binance.base-url=https://"),
				Arguments.of(List.of("--binance.read-timeout=soon"), "fix it in application.yml"),
				Arguments.of(List.of("--sync.symbols-per-partition=0"), "set it to 1 or more"));
	}

	@ParameterizedTest
	@MethodSource("malformedCommandLines")
	void aMalformedParameterOrSettingExitsTwoNamingTheFixAndWritesNothing(List<String> bad, String fix) {
		List<String> args = new ArrayList<>(List.of("account=" + ACCOUNT));
		args.removeIf((a) -> bad.stream().anyMatch((b) -> b.startsWith("account=")));
		args.addAll(bad);

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run(args.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
		assertThat(result.err()).contains(fix);
		assertNothingWritten();
	}

	@Test
	void missingCredentialsExitTwoNamingTheSettingsAndWriteNothing() {
		SyncCommandRunner.Result result = new SyncCommandRunner(this.database,
				List.of("--binance.base-url=" + this.exchange.exchange().baseUrl()))
			.run("account=" + ACCOUNT, "days=5");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("set BINANCE_API_KEY or --binance.api-key",
				"set BINANCE_API_SECRET or --binance.api-secret");
		assertNothingWritten();
	}

	@Test
	void invalidCredentialsExitTwoAtTheFirstSignedCallBeforeAnyPartition() {
		SyncCommandRunner.Result result = new SyncCommandRunner(this.database,
				List.of("--binance.base-url=" + this.exchange.exchange().baseUrl(),
						"--binance.api-key=" + this.exchange.exchange().apiKey(), "--binance.api-secret=wrong-secret-0123456789abcdef"))
			.run("account=" + ACCOUNT, "days=5");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Binance refused the credentials", "binance.api-secret");
		List<RequestLogEntry> signed = this.exchange.requests()
			.stream()
			.filter((r) -> !r.path().endsWith("/time") && !r.path().endsWith("/exchangeInfo"))
			.toList();
		assertThat(signed).as("one signed call, refused").hasSize(1);
		assertThat(signed.get(0).status()).isBetween(400, 401);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM batch_job_execution")).isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries")).isZero();
	}

	@Test
	void aFillWithANegativeQuantityIsRejectedWithItsReasonAndExitsThree() {
		this.exchange.close();
		SimulatedAccount generated = AccountGenerator.generate(GeneratorConfig.of(402, 3, 30, Instant.now()));
		this.exchange = ExchangeFixture.start(withNegativeQuantityTrade(generated), (o) -> o, 180);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		assertThat(result.out()).contains("Rejected trades (not inserted):", "NEGUSDT-SHORT-1",
				"non-positive quantity -1");
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_rejected_trades WHERE binance_trade_id = 'NEGUSDT-SHORT-1' AND reasons LIKE '%non-positive quantity%'"))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = 'NEGUSDT'"))
			.isZero();
		assertOtherSymbolsExact(from, to, "NEGUSDT");
	}

	@Test
	void fillsOfAnotherSymbolThanTheOneAskedForAreRejectedWithTheirReasonAndExitThree() {
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));
		String asked = Runs.batches(this.exchange.account(), from, to).get(0).get(0);
		this.exchange.exchange().faults().mislabelFills(asked, "OTHERUSDT");
		long closedInWindow = this.exchange.truth(ACCOUNT, from, to, true)
			.trades()
			.stream()
			.filter((t) -> t.symbol().equals(asked))
			.count();

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		assertThat(result.out()).contains("has symbol OTHERUSDT, not the stream's " + asked);
		assertThat(closedInWindow).isPositive();
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_rejected_trades WHERE binance_trade_id LIKE ? AND reasons LIKE '%has symbol OTHERUSDT%'",
				asked + "-%"))
			.isGreaterThanOrEqualTo(closedInWindow);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol IN (?, ?)", asked,
				"OTHERUSDT"))
			.isZero();
		assertOtherSymbolsExact(from, to, asked);
	}

	private void assertOtherSymbolsExact(Instant from, Instant to, String excluded) {
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT),
				this.exchange.truth(ACCOUNT, from, to, true)
					.trades()
					.stream()
					.filter((t) -> !t.symbol().equals(excluded))
					.toList());
	}

	private void assertNothingWritten() {
		String url = this.database.url();
		Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
		assertThat(Files.exists(file)).as("database file " + file).isFalse();
		assertThat(this.exchange.requests()).isEmpty();
	}

	/** NEGUSDT: one short lifecycle whose two fills report quantity -1, as a broken feed could. */
	static SimulatedAccount withNegativeQuantityTrade(SimulatedAccount account) {
		Instant open = account.end().minus(Duration.ofDays(3));
		Instant close = open.plus(Duration.ofHours(5));
		String s = "NEGUSDT";
		BigDecimal minusOne = BigDecimal.ONE.negate();
		Fill buy = new Fill(s, 1, 101, Side.BUY, PositionSide.BOTH, new BigDecimal("100"), minusOne, BigDecimal.ZERO,
				new BigDecimal("0.05"), "USDT", open, false);
		Fill sell = new Fill(s, 2, 102, Side.SELL, PositionSide.BOTH, new BigDecimal("90"), minusOne, BigDecimal.TEN,
				new BigDecimal("0.05"), "USDT", close, false);
		List<Order> orders = List.of(
				new Order(s, 101, "MARKET", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE, open,
						open),
				new Order(s, 102, "MARKET", "FILLED", Side.SELL, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE,
						close, close));
		List<IncomeRecord> income = List.of(
				new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.05"), "USDT", open, "900000000000000011",
						"1", ""),
				new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.05"), "USDT", close, "900000000000000012",
						"2", ""),
				new IncomeRecord(s, IncomeType.REALIZED_PNL, BigDecimal.TEN, "USDT", close, "900000000000000013", "2",
						""));
		return Accounts.withSymbol(account, new SymbolSpec(s, "NEG", "USDT"), List.of(buy, sell), orders, income);
	}

}
