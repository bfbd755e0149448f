package syncjob.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.PositionSide.BOTH;
import static syncjob.lifecycle.PositionSide.LONG;
import static syncjob.lifecycle.Side.BUY;
import static syncjob.lifecycle.Side.SELL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import syncjob.lifecycle.CloseReason;
import syncjob.lifecycle.Direction;
import syncjob.lifecycle.KlineInterval;
import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.TradeResult;

/** The ground truth's section 3b columns and open positions, worked by hand. */
class GroundTruthDetailsTest {

	private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-03-04T00:00:00Z");

	private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

	private static final Instant INCOME_SERVED_FROM = NOW.minus(Duration.ofDays(90));

	private static final SimulatorOptions OPTIONS = SimulatorOptions.builder().tradeRetention(Duration.ofDays(180))
		.build();

	/**
	 * ETHUSDT long 10 h, its entry fee in BNB; BNBUSDT's only fill of that minute at 600 is the
	 * minute's close. SOLUSDT short liquidated 20 s later; BTCUSDT long closed by ADL; XRPUSDC
	 * long settled, no fee at all (a USDC maker); BNBUSDT still open.
	 */
	private static SimulatedAccount handMade() {
		return new GroundTruthAccountBuilder().symbol("BTC", "USDT")
			.symbol("ETH", "USDT")
			.symbol("SOL", "USDT")
			.symbol("BNB", "USDT")
			.symbol("XRP", "USDC")
			.fill("BTCUSDT", 101, "LIMIT", BUY, BOTH, "100", "2", "0", "0.04", "USDT", "2026-03-01T00:00:00Z")
			.fill("BTCUSDT", 102, "MARKET", SELL, BOTH, "99", "2", "-2", "0.099", "USDT", "2026-03-01T01:00:00Z")
			.clientOrderId(102, "adl_autoclose")
			.fill("ETHUSDT", 201, "MARKET", BUY, LONG, "2000", "2", "0", "0.003", "BNB", "2026-03-02T00:00:00Z")
			.fill("BNBUSDT", 501, "MARKET", BUY, BOTH, "600", "1", "0", "0.3", "USDT", "2026-03-02T00:00:30Z")
			.fill("ETHUSDT", 203, "MARKET", SELL, LONG, "2100", "2", "200", "2.1", "USDT", "2026-03-02T10:00:00Z")
			.fill("SOLUSDT", 301, "MARKET", SELL, BOTH, "150", "10", "0", "0.75", "USDT", "2026-03-03T00:00:00Z")
			.fill("SOLUSDT", 302, "LIQUIDATION", BUY, BOTH, "160", "10", "-100", "0.8", "USDT",
					"2026-03-03T00:00:20Z")
			.clientOrderId(302, "autoclose-1772496020000")
			.fill("XRPUSDC", 401, "LIMIT", BUY, BOTH, "0.5", "100", "0", "0", "USDC", "2026-03-03T02:00:00Z")
			.fill("XRPUSDC", 402, "LIMIT", SELL, BOTH, "0.5", "100", "0", "0", "USDC", "2026-03-03T03:00:00Z")
			.clientOrderId(402, "settlement_autoclose-1772506800000")
			.build("2026-03-10T00:00:00Z");
	}

	private static TruthResult truth(SimulatedAccount account, SimulatorOptions options, boolean includeOrders) {
		return GroundTruth.expected(account, "acc", FROM, TO, NOW, options, INCOME_SERVED_FROM, includeOrders);
	}

	@Test
	void theColumnsThatFollowFromTheFillsOrdersAndAValuedFee() {
		TruthResult truth = truth(handMade(), OPTIONS, true);

		assertThat(truth.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-LONG-101",
				"ETHUSDT-LONG-201", "SOLUSDT-SHORT-301", "XRPUSDC-LONG-401");
		assertDetails(details(truth, "BTCUSDT-LONG-101"), "USDT", 3_600, "200", "198", "-1.06950000", TradeResult.LOSS,
				"0.5", CloseReason.ADL, "0", "-2.139", KlineInterval.M1);
		assertDetails(details(truth, "ETHUSDT-LONG-201"), "USDT", 36_000, "4000", "4200", "4.94750000",
				TradeResult.WIN, "0", CloseReason.TRADE, "1.8", "196.1", KlineInterval.M3);
		assertDetails(details(truth, "SOLUSDT-SHORT-301"), "USDT", 20, "1500", "1600", "-6.77000000",
				TradeResult.LOSS, "0", CloseReason.LIQUIDATION, "0", "-101.55", KlineInterval.M1);
		assertDetails(details(truth, "XRPUSDC-LONG-401"), "USDC", 3_600, "50", "50", "0", TradeResult.BREAKEVEN, "1",
				CloseReason.SETTLEMENT, "0", "0", KlineInterval.M1);
		assertThat(truth.trades()).allSatisfy(trade -> assertThat(trade.details().warnings()).isEmpty());
	}

	@Test
	void excursionsSpanTheFillsAndTheirPercentagesAreFromTheEntryPrice() {
		TruthResult truth = truth(handMade(), OPTIONS, true);

		for (TradeEntry trade : truth.trades()) {
			TradeDetails details = trade.details();
			BigDecimal entry = trade.entryPrice();
			boolean isLong = trade.direction() == Direction.LONG;
			BigDecimal low = isLong ? details.maePrice() : details.mfePrice();
			BigDecimal high = isLong ? details.mfePrice() : details.maePrice();
			assertThat(low).as(trade.binanceTradeId()).isLessThanOrEqualTo(entry.min(trade.exitPrice())).isPositive();
			assertThat(high).as(trade.binanceTradeId()).isGreaterThanOrEqualTo(entry.max(trade.exitPrice()));
			BigDecimal sign = BigDecimal.valueOf(isLong ? 1 : -1);
			assertThat(details.maePct()).isEqualByComparingTo(details.maePrice().subtract(entry).multiply(sign)
				.multiply(BigDecimal.valueOf(100)).divide(entry, 8, RoundingMode.HALF_EVEN));
			assertThat(details.mfePct()).isEqualByComparingTo(details.mfePrice().subtract(entry).multiply(sign)
				.multiply(BigDecimal.valueOf(100)).divide(entry, 8, RoundingMode.HALF_EVEN));
			assertThat(details.maePct().signum()).isLessThanOrEqualTo(0);
			assertThat(details.mfePct().signum()).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void anExchangeWithoutKlinesLeavesThemNullAndEachRowSaysWhatWasNotServedAfterItsOwnWarnings() {
		TruthResult truth = truth(handMade(), OPTIONS.toBuilder().klines(false).build(), true);

		TradeEntry eth = truth.trades().stream().filter(t -> t.binanceTradeId().equals("ETHUSDT-LONG-201"))
			.findFirst().orElseThrow();
		assertThat(eth.warnings()).isEqualTo("NON_QUOTE_FEE: BNB:0.003; "
				+ "FEE_PRICE_NOT_SERVED: BNBUSDT 1m close at 2026-03-02T00:00:00Z not served by Binance; "
				+ "KLINES_NOT_SERVED: 3m candles of ETHUSDT from 2026-03-02T00:00:00Z to 2026-03-02T10:00:00Z "
				+ "not served by Binance");
		assertThat(eth.details().feeOtherQuote()).isNull();
		assertThat(eth.details().netPnlAllFees()).isNull();
		assertThat(eth.details().excursionInterval()).isNull();
		assertThat(eth.details().maePrice()).isNull();
		assertThat(truth.trades()).allSatisfy(trade -> assertThat(trade.warnings()).contains("KLINES_NOT_SERVED"));
		TradeEntry btc = truth.trades().get(0);
		assertThat(btc.details().feeOtherQuote()).as("nothing to value needs no price").isEqualByComparingTo("0");
	}

	@Test
	void withBothUsesOffTheirColumnsAreNullWithoutAWarningAndUnfetchedOrdersLeaveNoCloseReason() {
		SimulatedAccount account = handMade();
		TruthKlines off = TruthKlines.servedBy(account, OPTIONS, NOW).withUses(false, false);

		TruthResult truth = GroundTruth.expected(account, "acc", FROM, TO, NOW, OPTIONS, INCOME_SERVED_FROM, false,
				off);

		assertThat(truth.trades()).hasSize(4).allSatisfy(trade -> {
			assertThat(trade.details().feeOtherQuote()).isNull();
			assertThat(trade.details().netPnlAllFees()).isNull();
			assertThat(trade.details().excursionInterval()).isNull();
			assertThat(trade.details().mfePct()).isNull();
			assertThat(trade.details().closeReason()).isNull();
			assertThat(trade.details().warnings()).isEmpty();
			assertThat(trade.details().entryNotional()).isNotNull();
		});
	}

	@Test
	void theOpenPositionAtToIsItsPartsSoFar() {
		TruthResult truth = truth(handMade(), OPTIONS, true);

		assertThat(truth.openPositions()).singleElement().usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(new TruthOpenPosition("BNBUSDT", BOTH, Direction.LONG, Instant.parse("2026-03-02T00:00:30Z"),
					BigDecimal.ONE, new BigDecimal("600"), BigDecimal.ZERO, new BigDecimal("0.3"), BigDecimal.ZERO, 1,
					true));
		assertThat(truth(handMade(), OPTIONS, true).openPositions()).hasSize(1);
		assertThat(GroundTruth.expected(handMade(), "acc", FROM, Instant.parse("2026-03-02T05:00:00Z"), NOW,
				OPTIONS, INCOME_SERVED_FROM, true).openPositions()).extracting(TruthOpenPosition::symbol)
			.containsExactly("BNBUSDT", "ETHUSDT");
	}

	private static TradeDetails details(TruthResult truth, String tradeId) {
		return truth.trades().stream().filter(t -> t.binanceTradeId().equals(tradeId)).findFirst().orElseThrow()
			.details();
	}

	private static void assertDetails(TradeDetails details, String quote, long hold, String entryNotional,
			String exitNotional, String netReturnPct, TradeResult result, String makerRatio, CloseReason reason,
			String feeOtherQuote, String netPnlAllFees, KlineInterval interval) {
		assertThat(details.quoteAsset()).isEqualTo(quote);
		assertThat(details.holdSeconds()).isEqualTo(hold);
		assertThat(details.entryNotional()).isEqualByComparingTo(entryNotional);
		assertThat(details.entryNotional().scale()).isEqualTo(12);
		assertThat(details.exitNotional()).isEqualByComparingTo(exitNotional);
		assertThat(details.netReturnPct()).isEqualByComparingTo(netReturnPct);
		assertThat(details.netReturnPct().scale()).isEqualTo(8);
		assertThat(details.result()).isEqualTo(result);
		assertThat(details.makerRatio()).isEqualByComparingTo(makerRatio);
		assertThat(details.closeReason()).isEqualTo(reason);
		assertThat(details.feeOtherQuote()).isEqualByComparingTo(feeOtherQuote);
		assertThat(details.netPnlAllFees()).isEqualByComparingTo(netPnlAllFees);
		assertThat(details.excursionInterval()).isEqualTo(interval);
		assertThat(List.of(details.maePrice(), details.mfePrice(), details.maePct(), details.mfePct()))
			.doesNotContainNull();
	}
}
