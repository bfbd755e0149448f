package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.PositionSide.BOTH;
import static syncjob.lifecycle.PositionSide.LONG;
import static syncjob.lifecycle.PositionSide.SHORT;
import static syncjob.lifecycle.Side.BUY;
import static syncjob.lifecycle.Side.SELL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.Direction;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.ValidationStatus;

class GroundTruthTest {

	private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-03-04T00:00:00Z");

	private static final SimulatorOptions OPTIONS = SimulatorOptions.builder().tradeRetention(Duration.ofDays(180)).build();

	private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

	/** Income served for 90 days: the oldest record the sync saw is no later than that. */
	private static final Instant INCOME_SERVED_FROM = NOW.minus(Duration.ofDays(90));

	/**
	 * BTCUSDT one-way: long 2 flipped into short 1 by one fill, closed with zero commission.
	 * ETHUSDT hedge: long 2 and short 1 overlap one funding; the long pays part of its fee in BNB.
	 * SOLUSDT: the exchange's realizedPnl disagrees with the prices. XRPUSDT: still open.
	 */
	private static SimulatedAccount handMade() {
		return new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.symbol("ETH", "USDT")
			.symbol("SOL", "USDT")
			.symbol("XRP", "USDT")
			.fill("BTCUSDT", 101, "LIMIT", BUY, BOTH, "100", "2", "0", "0.08", "USDT", "2026-03-01T00:00:00Z")
			.funding("BTCUSDT", "-0.5", "USDT", "2026-03-01T08:00:00Z")
			.fill("BTCUSDT", 102, "MARKET", SELL, BOTH, "110", "3", "20", "0.1", "USDT", "2026-03-01T10:00:00Z")
			.funding("BTCUSDT", "0.25", "USDT", "2026-03-01T10:00:00Z")
			.fill("BTCUSDT", 103, "LIMIT", BUY, BOTH, "104", "1", "6", "0", "USDT", "2026-03-01T12:00:00Z")
			.fill("ETHUSDT", 201, "MARKET", BUY, LONG, "2000", "2", "0", "0.003", "BNB", "2026-03-02T00:00:00Z")
			.fill("ETHUSDT", 202, "MARKET", SELL, SHORT, "2010", "1", "0", "1.005", "USDT", "2026-03-02T01:00:00Z")
			.funding("ETHUSDT", "-1", "USDT", "2026-03-02T08:00:00Z")
			.fill("ETHUSDT", 203, "MARKET", SELL, LONG, "2100", "2", "200", "2.1", "USDT", "2026-03-02T10:00:00Z")
			.funding("ETHUSDT", "0.1", "USDT", "2026-03-02T10:30:00Z")
			.fill("ETHUSDT", 204, "LIMIT", BUY, SHORT, "1990", "1", "20", "0.995", "USDT", "2026-03-02T11:00:00Z")
			.fill("SOLUSDT", 301, "MARKET", SELL, BOTH, "150", "10", "0", "0.75", "USDT", "2026-03-03T00:00:00Z")
			.fill("SOLUSDT", 302, "MARKET", BUY, BOTH, "140", "10", "90", "0.7", "USDT", "2026-03-03T01:00:00Z")
			.fill("XRPUSDT", 401, "MARKET", BUY, BOTH, "0.5", "100", "0", "0.025", "USDT", "2026-03-03T02:00:00Z")
			.funding("XRPUSDT", "-0.01", "USDT", "2026-03-03T08:00:00Z")
			.build("2026-03-10T00:00:00Z");
	}

	@Test
	void flipSplitsCommissionProRataAndFundingAtTheFlipGoesToTheNewLifecycle() {
		// given
		SimulatedAccount account = handMade();

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertRow(truth, row("BTCUSDT-LONG-101", "BTCUSDT", Direction.LONG, BOTH, "2026-03-01T00:00:00Z",
				"2026-03-01T10:00:00Z", "2", "100", "110", "20", "0.146666666667", null, "-0.5", "19.353333333333", 2,
				"2", "LIMIT", "MARKET", null));
		assertRow(truth, row("BTCUSDT-SHORT-102", "BTCUSDT", Direction.SHORT, BOTH, "2026-03-01T10:00:00Z",
				"2026-03-01T12:00:00Z", "1", "110", "104", "6", "0.033333333333", null, "0.25", "6.216666666667", 2,
				"1", "MARKET", "LIMIT", "ZERO_COMMISSION_CLOSE: fills 103"));
	}

	@Test
	void hedgeOverlapSharesFundingByPositionWithTheRemainderToTheLastTradeId() {
		// given
		SimulatedAccount account = handMade();

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertRow(truth, row("ETHUSDT-LONG-201", "ETHUSDT", Direction.LONG, LONG, "2026-03-02T00:00:00Z",
				"2026-03-02T10:00:00Z", "2", "2000", "2100", "200", "2.1", "BNB:0.003", "-0.666666666667",
				"197.233333333333", 2, "2", "MARKET", "MARKET", "NON_QUOTE_FEE: BNB:0.003"));
		assertRow(truth, row("ETHUSDT-SHORT-202", "ETHUSDT", Direction.SHORT, SHORT, "2026-03-02T01:00:00Z",
				"2026-03-02T11:00:00Z", "1", "2010", "1990", "20", "2", null, "-0.233333333333", "17.766666666667", 2,
				"1", "MARKET", "LIMIT", null));
	}

	@Test
	void realizedPnlFarFromPricesIsAPnlMismatchWarning() {
		// given
		SimulatedAccount account = handMade();

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertRow(truth, row("SOLUSDT-SHORT-301", "SOLUSDT", Direction.SHORT, BOTH, "2026-03-03T00:00:00Z",
				"2026-03-03T01:00:00Z", "10", "150", "140", "90", "1.45", null, "0", "88.55", 2, "10", "MARKET",
				"MARKET", "PNL_MISMATCH: recomputed gross PnL 100 vs realized 90"));
	}

	@Test
	void stillOpenLifecycleIsNoRowButListedOpenAtTo() {
		// given
		SimulatedAccount account = handMade();

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, true);

		// then
		assertThat(truth.trades()).extracting(TradeEntry::binanceTradeId)
			.containsExactly("BTCUSDT-LONG-101", "BTCUSDT-SHORT-102", "ETHUSDT-LONG-201", "ETHUSDT-SHORT-202",
					"SOLUSDT-SHORT-301");
		assertThat(truth.openAtToTradeIds()).containsExactly("XRPUSDT-LONG-401");
		assertThat(truth.incompleteTradeIds()).isEmpty();
	}

	@Test
	void withoutOrdersTheOrderTypesAreNull() {
		// given
		SimulatedAccount account = handMade();

		// when
		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, false);

		// then
		assertThat(truth.trades()).hasSize(5)
			.allSatisfy(trade -> assertThat(trade.entryOrderType()).isNull())
			.allSatisfy(trade -> assertThat(trade.exitOrderType()).isNull());
	}

	private static void assertRow(TruthResult truth, TradeEntry expected) {
		assertThat(truth.trades()).filteredOn(trade -> trade.binanceTradeId().equals(expected.binanceTradeId()))
			.singleElement()
			.usingRecursiveComparison()
			.ignoringFields("details")
			.withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
			.isEqualTo(expected);
	}

	static TradeEntry row(String tradeId, String symbol, Direction direction, PositionSide positionSide, String entry,
			String exit, String quantity, String entryPrice, String exitPrice, String realizedPnl, String fees,
			String feeOther, String funding, String netPnl, int fillCount, String maxPosition, String entryType,
			String exitType, String warnings) {
		return new TradeEntry("acc", "binance", tradeId, symbol, direction, positionSide, Instant.parse(entry),
				Instant.parse(exit), new BigDecimal(quantity), new BigDecimal(entryPrice), new BigDecimal(exitPrice),
				new BigDecimal(realizedPnl), new BigDecimal(fees), feeOther, new BigDecimal(funding),
				new BigDecimal(netPnl), fillCount, new BigDecimal(maxPosition), entryType, exitType,
				warnings == null ? ValidationStatus.VALID : ValidationStatus.WARNING, warnings);
	}
}
