package syncjob.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.TradeEntry;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.CommissionSign;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SimulatorOptions;
import syncjob.simulator.SymbolSpec;
import syncjob.simulator.TooOldStart;
import syncjob.simulator.TruthResult;
import syncjob.testing.Accounts;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.JournalRows;
import syncjob.testing.SyncCommandRunner;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exchange truth end to end, under one reading of what Binance's docs leave open (how far back a
 * request naming only an id reaches): every trade exact, what Binance did not serve named in a
 * warning, and a fill Binance did not serve detected instead of recorded into a wrong lifecycle.
 * Each database runs it under the readings its subclasses give.
 */
abstract class ExchangeTruthContract {

	static final String ACCOUNT = "main";

	/**
	 * Under the literal reading a 24-symbol account needs more than Binance's 2400 per minute; the
	 * pacing is tested elsewhere, these tests judge what is fetched, without waiting a minute.
	 */
	static final int WEIGHT_LIMIT = 20_000;

	TestDatabase database;

	private final List<ExchangeFixture> exchanges = new ArrayList<>();

	abstract TestDatabase newDatabase();

	/** The reading: an id-only request serves only the last N days; 0 = all that is kept. */
	abstract int idPagingDays();

	@BeforeEach
	void createDatabase() {
		this.database = newDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.exchanges.forEach(ExchangeFixture::close);
		this.database.close();
	}

	@Test
	void everyTradeOfA150DayAccountIsExactForA90DayWindow() {
		ExchangeFixture exchange = exchange(generated(31, 24), UnaryOperator.identity());
		Instant to = exchange.end();
		Instant from = to.minus(Duration.ofDays(90));

		TruthResult truth = syncAndJudge(exchange, from, to);

		assertThat(truth.trades()).hasSizeGreaterThan(100);
		assertThat(truth.trades()).as("some lifecycle was open at from").anyMatch((t) -> t.entryTime().isBefore(from));
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	@Test
	void aLifecycleOpenAtFromThat91DaysBackGetsAllItsFundingWhenBinanceServesIt() {
		ExchangeFixture exchange = exchange(withLongHeldPosition(generated(32, 4)),
				(options) -> options.incomeRetention(Duration.ofDays(100)));
		Instant to = exchange.end();

		TruthResult truth = syncAndJudge(exchange, to.minus(Duration.ofDays(60)), to);

		TradeEntry held = heldTrade(truth);
		// Binance keeps orders for 90 days: the 91-day-old entry order is named, the funding is not
		assertThat(held.warnings()).isEqualTo("ORDER_NOT_SERVED: entry order 11 (fill at " + held.entryTime()
				+ ") not served by Binance");
		assertThat(held.fundingFees()).isEqualByComparingTo(fundingOfHeld(exchange, Instant.MIN));
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	@Test
	void aLifecycleOpenAtFromThat91DaysBackNamesTheFundingBinanceNoLongerServes() {
		ExchangeFixture exchange = exchange(withLongHeldPosition(generated(32, 4)),
				(options) -> options.incomeRetention(Duration.ofDays(85)));
		Instant to = exchange.end();

		TruthResult truth = syncAndJudge(exchange, to.minus(Duration.ofDays(60)), to);

		TradeEntry held = heldTrade(truth);
		Instant horizon = JournalRows.incomeServedFrom(this.database);
		assertThat(held.warnings()).isEqualTo("FUNDING_NOT_SERVED: funding before " + horizon + " not served by Binance; "
				+ "ORDER_NOT_SERVED: entry order 11 (fill at " + held.entryTime() + ") not served by Binance");
		assertThat(held.fundingFees()).isEqualByComparingTo(fundingOfHeld(exchange, horizon));
		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	@Test
	void aHiddenFillWithIncomeIsReportedAndNoWrongTradeIsRecorded() {
		SimulatedAccount account = generated(33, 12);
		Instant to = account.end();
		Instant from = to.minus(Duration.ofDays(60));
		Fill hidden = first(account, from, to, (f) -> f.realizedPnl().signum() != 0);

		assertHiddenFillDetected(account, hidden, from, to);
	}

	@Test
	void aHiddenOpeningFillWithNeitherFeeNorPnlIsReportedAndNoWrongTradeIsRecorded() {
		SimulatedAccount account = generated(34, 24);
		Instant to = account.end();
		Instant from = to.minus(Duration.ofDays(90));
		Fill hidden = first(account, from, to,
				(f) -> f.commission().signum() == 0 && f.realizedPnl().signum() == 0 && scalesIn(account, f));

		assertHiddenFillDetected(account, hidden, from, to);
	}

	@Test
	void commissionsServedNegativeAsInBinancesDocSampleGiveTheSameTrades() {
		ExchangeFixture exchange = exchange(generated(35, 8),
				(options) -> options.commissionSign(CommissionSign.PAID_NEGATIVE));
		Instant to = exchange.end();

		TruthResult truth = syncAndJudge(exchange, to.minus(Duration.ofDays(45)), to);

		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	@Test
	void startsOlderThanBinanceKeepsAreRefusedNarrowedAndStillExact() {
		ExchangeFixture exchange = exchange(generated(36, 6),
				(options) -> options.tooOldStart(TooOldStart.ERROR).incomeRetention(Duration.ofDays(80)));
		Instant to = exchange.end();

		TruthResult truth = syncAndJudge(exchange, to.minus(Duration.ofDays(100)), to);

		JournalRows.assertSameRows(JournalRows.read(this.database, ACCOUNT), truth.trades());
	}

	/**
	 * Syncs [from, to) and returns the ground truth for the income horizon the sync established,
	 * after checking it is the exchange's own: the oldest record served between the run's start and
	 * end (records age out of retention while a run goes on).
	 */
	TruthResult syncAndJudge(ExchangeFixture exchange, Instant from, Instant to) {
		Instant servedBefore = exchange.incomeServedFrom();
		SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT, "from=" + from, "to=" + to);
		Instant servedAfter = exchange.incomeServedFrom();
		assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 3);
		Instant established = JournalRows.incomeServedFrom(this.database);
		if (established == null) {
			return exchange.truth(ACCOUNT, from, to, true);
		}
		assertThat(established).isBetween(servedBefore, servedAfter);
		return exchange.truth(ACCOUNT, from, to, true, established);
	}

	void assertHiddenFillDetected(SimulatedAccount account, Fill hidden, Instant from, Instant to) {
		ExchangeFixture exchange = exchange(account, (options) -> options.hideFill(hidden.symbol(), hidden.id()));
		TruthResult truth = exchange.truth(ACCOUNT, from, to, true);
		TradeEntry affected = truth.trades()
			.stream()
			.filter((t) -> t.symbol().equals(hidden.symbol()) && t.positionSide() == hidden.positionSide()
					&& !t.entryTime().isAfter(hidden.time()) && !t.exitTime().isBefore(hidden.time()))
			.findFirst()
			.orElseThrow();

		SyncCommandRunner.Result result = runner(exchange).run("account=" + ACCOUNT, "from=" + from, "to=" + to);

		assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
		assertThat(result.out()).contains(hidden.symbol() + ": a fill is missing from what Binance served");
		List<TradeEntry> recorded = JournalRows.read(this.database, ACCOUNT);
		assertThat(recorded).extracting(TradeEntry::binanceTradeId).doesNotContain(affected.binanceTradeId());
		Map<String, TradeEntry> expected = new HashMap<>();
		truth.trades().forEach((t) -> expected.put(t.binanceTradeId(), t));
		assertThat(recorded).as("every recorded trade is a true one").allSatisfy((row) -> {
			assertThat(expected).containsKey(row.binanceTradeId());
			JournalRows.assertSameRows(List.of(row), List.of(expected.get(row.binanceTradeId())));
		});
		assertThat(recorded).as("only the hidden fill's stream loses trades")
			.hasSizeGreaterThan(truth.trades().size() / 2);
		assertThat(JournalRows.count(this.database,
				"SELECT COUNT(*) FROM sync_reconciliation WHERE symbol = ? AND lifecycles_withheld > 0",
				hidden.symbol())).isEqualTo(1);
	}

	ExchangeFixture exchange(SimulatedAccount account, UnaryOperator<SimulatorOptions.Builder> options) {
		ExchangeFixture fixture = ExchangeFixture.start(account,
				(builder) -> options.apply(builder.idPagingDays(idPagingDays()).weightLimit(WEIGHT_LIMIT)), 180);
		this.exchanges.add(fixture);
		return fixture;
	}

	SyncCommandRunner runner(ExchangeFixture exchange) {
		return new SyncCommandRunner(this.database, exchange.options());
	}

	static SimulatedAccount generated(long seed, int symbols) {
		return AccountGenerator.generate(GeneratorConfig.of(seed, symbols, 150, Instant.now()));
	}

	/** The first fill of the window matching {@code test} whose lifecycle closes in the window. */
	static Fill first(SimulatedAccount account, Instant from, Instant to, Predicate<Fill> test) {
		return account.fills()
			.stream()
			.filter((f) -> !f.time().isBefore(from.plus(Duration.ofDays(1))) && f.time().isBefore(to.minus(Duration.ofDays(5))))
			.filter(test)
			.min(Comparator.comparing(Fill::time))
			.orElseThrow(() -> new AssertionError("the generated account has no such fill: choose another seed"));
	}

	/** The fill grows a position that was already open: a scale-in, not a lifecycle's first fill. */
	static boolean scalesIn(SimulatedAccount account, Fill fill) {
		BigDecimal position = BigDecimal.ZERO;
		for (Fill f : account.fills().stream().filter((f) -> f.stream().equals(fill.stream()))
			.sorted(Fill.STREAM_ORDER).toList()) {
			if (f.id() == fill.id()) {
				return position.signum() != 0 && position.signum() == f.signedQty().signum();
			}
			position = position.add(f.signedQty());
		}
		return false;
	}

	/** A long held from 91 days back to 50 days back, paying funding every 8 hours. */
	static SimulatedAccount withLongHeldPosition(SimulatedAccount account) {
		String s = "HELDUSDT";
		Instant open = account.end().minus(Duration.ofDays(91));
		Instant close = account.end().minus(Duration.ofDays(50));
		Fill buy = new Fill(s, 1, 11, Side.BUY, PositionSide.BOTH, new BigDecimal("20"), new BigDecimal("10"),
				BigDecimal.ZERO, new BigDecimal("0.1"), "USDT", open, false);
		Fill sell = new Fill(s, 2, 12, Side.SELL, PositionSide.BOTH, new BigDecimal("21"), new BigDecimal("10"),
				new BigDecimal("10"), new BigDecimal("0.105"), "USDT", close, false);
		List<Order> orders = List.of(
				new Order(s, 11, "MARKET", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.TEN, BigDecimal.TEN, open, open),
				new Order(s, 12, "MARKET", "FILLED", Side.SELL, PositionSide.BOTH, BigDecimal.TEN, BigDecimal.TEN, close,
						close));
		List<IncomeRecord> income = new ArrayList<>();
		income.add(new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.1"), "USDT", open, "800000000000000001", "1", ""));
		income.add(new IncomeRecord(s, IncomeType.COMMISSION, new BigDecimal("-0.105"), "USDT", close, "800000000000000002", "2", ""));
		income.add(new IncomeRecord(s, IncomeType.REALIZED_PNL, new BigDecimal("10"), "USDT", close, "800000000000000003", "2", ""));
		long interval = Duration.ofHours(8).toMillis();
		long tranId = 810000000000000000L;
		for (long t = Math.floorDiv(open.toEpochMilli() + interval - 1, interval) * interval; t < close.toEpochMilli(); t += interval) {
			income.add(new IncomeRecord(s, IncomeType.FUNDING_FEE, new BigDecimal("-0.02"), "USDT", Instant.ofEpochMilli(t + 3),
					String.valueOf(tranId++), "", ""));
		}
		return Accounts.withSymbol(account, new SymbolSpec(s, "HELD", "USDT"), List.of(buy, sell), orders, income);
	}

	static TradeEntry heldTrade(TruthResult truth) {
		return truth.trades().stream().filter((t) -> t.symbol().equals("HELDUSDT")).findFirst().orElseThrow();
	}

	/** The held position's funding from {@code servedFrom} on. */
	static BigDecimal fundingOfHeld(ExchangeFixture exchange, Instant servedFrom) {
		return exchange.account()
			.income()
			.stream()
			.filter((r) -> r.symbol().equals("HELDUSDT") && r.is(IncomeType.FUNDING_FEE) && !r.time().isBefore(servedFrom))
			.map(IncomeRecord::income)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
