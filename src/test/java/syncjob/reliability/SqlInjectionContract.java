package syncjob.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SymbolSpec;
import syncjob.testing.Accounts;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.reliability.Runs.assertExact;
import static syncjob.reliability.Runs.window;

/**
 * Text from outside is data, never SQL: every statement of {@code syncjob.journal} binds its
 * values. A symbol full of SQL from the exchange is stored verbatim; an account name like it
 * is refused by the command line before anything runs.
 */
abstract class SqlInjectionContract {

	static final String SYMBOL = "BAD'SYM;--";

	private TestDatabase database;

	private ExchangeFixture exchange;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void start() {
		this.database = newDatabase();
	}

	@AfterEach
	void stop() {
		if (this.exchange != null) {
			this.exchange.close();
		}
		this.database.close();
	}

	@Test
	void aSymbolWithQuotesAndSemicolonsFromTheExchangeIsStoredVerbatim() {
		SimulatedAccount generated = AccountGenerator.generate(GeneratorConfig.of(501, 3, 30, Instant.now()));
		this.exchange = ExchangeFixture.start(withSymbol(generated, SYMBOL), (o) -> o, 180);
		Instant to = this.exchange.end();
		Instant from = to.minus(Duration.ofDays(20));

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run(window(from, to));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE symbol = ?", SYMBOL))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM trade_entries WHERE binance_trade_id = ?",
				SYMBOL + "-LONG-1"))
			.isEqualTo(1);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM income_staging WHERE symbol = ?", SYMBOL))
			.isEqualTo(3);
		assertThat(JournalRows.count(this.database, "SELECT COUNT(*) FROM sync_reconciliation WHERE symbol = ?",
				SYMBOL))
			.isEqualTo(1);
		assertExact(this.database, this.exchange, from, to);
	}

	@Test
	void anAccountNameWithQuotesAndSemicolonsIsRefusedBeforeAnythingRuns() {
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(502, 2, 30, Instant.now()));

		SyncCommandRunner.Result result = new SyncCommandRunner(this.database, this.exchange.options())
			.run("account=main';DELETE FROM trade_entries;--", "days=5");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("is not a valid name: use up to 128 letters, digits and . _ @ : -");
		assertThat(this.exchange.requests()).isEmpty();
	}

	/** One closed long lifecycle of {@code symbol}: buy 1 at 100, sell 1 at 110, three days before the end. */
	static SimulatedAccount withSymbol(SimulatedAccount account, String symbol) {
		Instant open = account.end().minus(Duration.ofDays(3));
		Instant close = open.plus(Duration.ofHours(5));
		BigDecimal fee = new BigDecimal("0.05");
		Fill buy = new Fill(symbol, 1, 101, Side.BUY, PositionSide.BOTH, new BigDecimal("100"), BigDecimal.ONE,
				BigDecimal.ZERO, fee, "USDT", open, false);
		Fill sell = new Fill(symbol, 2, 102, Side.SELL, PositionSide.BOTH, new BigDecimal("110"), BigDecimal.ONE,
				BigDecimal.TEN, fee, "USDT", close, false);
		List<Order> orders = List.of(
				new Order(symbol, 101, "MARKET", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE,
						open, open),
				new Order(symbol, 102, "LIMIT", "FILLED", Side.SELL, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE,
						close, close));
		List<IncomeRecord> income = List.of(
				new IncomeRecord(symbol, IncomeType.COMMISSION, fee.negate(), "USDT", open, "900000000000000021", "1",
						""),
				new IncomeRecord(symbol, IncomeType.COMMISSION, fee.negate(), "USDT", close, "900000000000000022", "2",
						""),
				new IncomeRecord(symbol, IncomeType.REALIZED_PNL, BigDecimal.TEN, "USDT", close, "900000000000000023",
						"2", ""));
		return Accounts.withSymbol(account, new SymbolSpec(symbol, "BAD", "USDT"), List.of(buy, sell), orders, income);
	}

}
