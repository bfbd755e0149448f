package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static syncjob.lifecycle.Details.candle;
import static syncjob.lifecycle.Details.closes;
import static syncjob.lifecycle.Fills.T0;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;
import static syncjob.lifecycle.GoldenRowsTest.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The detail columns and the open positions through the whole pipeline of one symbol: where the
 * new warnings go, what each setting turns off, what is asked of Binance. Values worked by hand.
 */
class SymbolPipelineDetailsTest {

	/** Long 1 @ 100 at 00:01 (commission in BNB), closed at 101 at 10:00 with no commission. */
	private static final List<Fill> LONG_WITH_BNB_FEE = Fills.of("BTCUSDT")
		.buy("1", "100").at(1).fee("0.001", "BNB")
		.sell("1", "101").at(600).pnl("1").fee("0")
		.list();

	private static final String OWN_WARNINGS = "ZERO_COMMISSION_CLOSE: fills 2; NON_QUOTE_FEE: BNB:0.001";

	@Test
	void newWarningsFollowTheContractsOwnAndTheNotServedOnesInOrder() {
		// funding served only from 15:00 (the 08:00 funding is not), the exit order not served,
		// neither the BNB price nor any candle served
		ServedData served = new ServedData(Map.of(), true, Set.of(1002L), Optional.of(t(900)));
		ServedKlines klines = new ServedKlines(Optional.of(MinuteCloses.none()), Optional.of(range -> List.of()));

		TradeEntry trade = only(process(LONG_WITH_BNB_FEE, served, klines).trades());

		assertThat(trade.validationStatus()).isEqualTo(ValidationStatus.WARNING);
		// 10 hours of 1m candles are 600 > 499: 3m candles from 00:00 to 10:00 (201)
		assertThat(trade.warnings()).isEqualTo(OWN_WARNINGS
				+ "; FUNDING_NOT_SERVED: funding before 2026-09-01T15:00:00Z not served by Binance"
				+ "; ORDER_NOT_SERVED: exit order 1002 (fill at 2026-09-01T10:00:00Z) not served by Binance"
				+ "; FEE_PRICE_NOT_SERVED: BNBUSDT 1m close at 2026-09-01T00:01:00Z not served by Binance"
				+ "; KLINES_NOT_SERVED: 3m candles of BTCUSDT from 2026-09-01T00:00:00Z to 2026-09-01T10:00:00Z"
				+ " not served by Binance");
		TradeDetails details = trade.details();
		assertThat(details.feeOtherQuote()).isNull();
		assertThat(details.netPnlAllFees()).isNull();
		assertThat(details.excursionInterval()).isNull();
		assertThat(details.maePrice()).isNull();
		assertThat(details.mfePct()).isNull();
		// the exit order is not served: why it closed cannot be known
		assertThat(details.closeReason()).isNull();
		// hold 599 min; net PnL 1 - 0 (quote fees) + 0 = 1, on a notional of 100: 1 %
		assertThat(details.holdSeconds()).isEqualTo(35_940);
		assertThat(details.netReturnPct()).isEqualByComparingTo("1");
		assertThat(details.result()).isEqualTo(TradeResult.WIN);
	}

	@Test
	void withBothUsesOffTheKlinesColumnsAreNullWithoutAWarning() {
		ServedData served = new ServedData(Details.orders(Details.order(1001, "LIMIT", "web_1"),
				Details.order(1002, "MARKET", "web_2")), true, Set.of(), Optional.empty());

		TradeEntry trade = only(process(LONG_WITH_BNB_FEE, served, ServedKlines.off()).trades());

		assertThat(trade.warnings()).isEqualTo(OWN_WARNINGS);
		TradeDetails details = trade.details();
		assertThat(details.feeOtherQuote()).isNull();
		assertThat(details.netPnlAllFees()).isNull();
		assertThat(details.excursionInterval()).isNull();
		assertThat(details.maePct()).isNull();
		assertThat(details.closeReason()).isEqualTo(CloseReason.TRADE);
		assertThat(details.quoteAsset()).isEqualTo("USDT");
		assertThat(details.entryNotional()).isEqualByComparingTo("100");
		assertThat(details.exitNotional()).isEqualByComparingTo("101");
		assertThat(details.makerRatio()).isEqualByComparingTo("0");

		// a trade with nothing to warn about stays VALID with the uses off
		List<Fill> plain = Fills.of("BTCUSDT").buy("1", "100").at(1).sell("1", "101").at(2).pnl("1").list();
		TradeEntry valid = only(process(plain, ServedData.orders(Map.of()), ServedKlines.off()).trades());
		assertThat(valid.validationStatus()).isEqualTo(ValidationStatus.VALID);
		assertThat(valid.warnings()).isNull();
	}

	@Test
	void servedKlinesFillEveryColumnFromTheRangeTheTradeNeeds() {
		List<CandleRange> asked = new ArrayList<>();
		CandleSource candles = range -> {
			asked.add(range);
			// one candle outside the trade's range is ignored
			return List.of(candle(T0, "102", "99"), candle(t(300), "104", "98.5"), candle(t(603), "500", "1"));
		};
		ServedKlines klines = new ServedKlines(Optional.of(closes("BNBUSDT", t(1), "500")), Optional.of(candles));

		TradeEntry trade = only(process(LONG_WITH_BNB_FEE, ServedData.orders(Map.of()), klines).trades());

		assertThat(asked).containsExactly(new CandleRange(KlineInterval.M3, T0, t(600), 201));
		assertThat(trade.warnings()).isEqualTo(OWN_WARNINGS);
		TradeDetails details = trade.details();
		// 0.001 BNB at 500 = 0.5 USDT; net 1 - 0.5 = 0.5
		assertThat(details.feeOtherQuote()).isEqualByComparingTo("0.5");
		assertThat(details.netPnlAllFees()).isEqualByComparingTo("0.5");
		// LONG from 100: lowest low 98.5 (-1.5 %), highest high 104 (+4 %)
		assertThat(details.excursionInterval()).isEqualTo(KlineInterval.M3);
		assertThat(details.maePrice()).isEqualByComparingTo("98.5");
		assertThat(details.mfePrice()).isEqualByComparingTo("104");
		assertThat(details.maePct()).isEqualTo(new BigDecimal("-1.50000000"));
		assertThat(details.mfePct()).isEqualTo(new BigDecimal("4.00000000"));
		// orders not fetched: the reason is unknown
		assertThat(details.closeReason()).isNull();
	}

	@Test
	void openPositionsAreTheLifecyclesOpenAtToWithTheirPartsAndFundingBeforeIt() {
		Instant to = t(10);
		// hedge mode: the long is partly closed before to and closed after it; the short closes before to
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG)
			.buy("2", "100").at(1)
			.side(PositionSide.SHORT)
			.sell("1", "100").at(3)
			.side(PositionSide.LONG)
			.sell("1", "105").at(5).pnl("5")
			.side(PositionSide.SHORT)
			.buy("1", "99").at(8).pnl("1")
			.side(PositionSide.LONG)
			.sell("1", "106").at(20).pnl("6")
			.list();
		// at 00:04 the long holds 2 and the short 1: -0.3 shared 2:1; 00:12 is after to
		List<IncomeRecord> funding = List.of(funding(t(4), "-0.3"), funding(t(12), "-0.6"));
		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", T0, to,
				t(30), fills, Map.of(), funding, Instant.MAX, ServedData.orders(Map.of()), ServedKlines.off()));

		assertThat(outcome.trades()).extracting(TradeEntry::binanceTradeId).containsExactly("BTCUSDT-SHORT-2");
		// bought 2 at 100, sold 1 before to: 1 left; fees 0.01 + 0.01 before to; PnL 5
		assertThat(outcome.openPositions()).containsExactly(new OpenPosition(
				new StreamKey("BTCUSDT", PositionSide.LONG), Direction.LONG, t(1), d("1"), d("100.000000000000"),
				d("5"), d("0.02"), d("-0.200000000000"), 2, true, to));
		assertThat(outcome.open()).hasSize(1);
		assertThat(outcome.figures().lifecyclesOpen()).isEqualTo(1);
	}

	@Test
	void needsNameTheOrdersCandlesAndFeeMinutesOfTheTradesClosingInTheWindow() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").at(1).fee("0.001", "BNB") // closes before from: not needed
			.sell("1", "101").at(2).pnl("1")
			.buy("1", "100").at(11).fee("0.001", "BNB")
			.buy("1", "100").at(12).fee("0", "BNB") // zero: valued at any price, no minute needed
			.sell("2", "102").at(13).pnl("4").fee("0.002", "BNB")
			.buy("1", "100").at(14) // closes at to: a later sync's
			.sell("1", "99").at(20).pnl("-1")
			.list();

		SymbolNeeds needs = SymbolPipeline.needs("BTCUSDT", "USDT", fills, Map.of(), List.of(), t(10), t(20));

		assertThat(needs.candleRanges()).containsExactly(new CandleRange(KlineInterval.M1, t(11), t(13), 3));
		assertThat(needs.feeMinutes()).containsExactly(new PriceMinute("BNBUSDT", t(11)),
				new PriceMinute("BNBUSDT", t(13)));
		assertThat(needs.orders())
			.isEqualTo(SymbolPipeline.neededOrders("BTCUSDT", fills, Map.of(), t(10), t(20)))
			.containsOnlyKeys(1003L, 1005L);
	}

	@Test
	void theGroupingTheNeedsWereReadFromGivesTheSameOutcomeAndNoOtherInputTakesIt() {
		// a rebate settled by its COMMISSION income (the served commission has the other sign), funding
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").at(1).fee("0.001", "BNB")
			.sell("1", "101").at(600).pnl("1").fee("0.05")
			.buy("2", "100").at(700)
			.list();
		List<IncomeRecord> income = List.of(funding(t(480), "-0.1"), new IncomeRecord("BTCUSDT", "COMMISSION",
				new BigDecimal("0.05"), "USDT", t(600), "91", String.valueOf(fills.get(1).id()), ""));
		ServedData served = new ServedData(Map.of(), true, Set.of(), Optional.empty());
		SymbolInput input = new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", T0, t(1_000), t(1_000), fills, Map.of(),
				income, Instant.MAX, served, ServedKlines.off());
		SymbolGrouping grouped = SymbolGrouping.of("BTCUSDT", new ArrayList<>(fills), Map.of(), income);

		SymbolOutcome once = SymbolPipeline.process(input, grouped);

		assertThat(once).isEqualTo(SymbolPipeline.process(input));
		assertThat(once.trades()).singleElement()
			.satisfies((trade) -> assertThat(trade.fees()).isEqualByComparingTo("-0.05"));
		assertThat(SymbolPipeline.needs(grouped, "USDT", T0, t(1_000)))
			.isEqualTo(SymbolPipeline.needs("BTCUSDT", "USDT", fills, Map.of(), income, T0, t(1_000)));
		SymbolGrouping withoutIncome = SymbolGrouping.of("BTCUSDT", fills, Map.of(), List.of());
		SymbolGrouping ofOtherFills = SymbolGrouping.of("BTCUSDT", fills.subList(0, 2), Map.of(), income);
		for (SymbolGrouping other : List.of(withoutIncome, ofOtherFills)) {
			assertThatThrownBy(() -> SymbolPipeline.process(input, other))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private static SymbolOutcome process(List<Fill> fills, ServedData served, ServedKlines klines) {
		return SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", T0, t(1_000), t(1_000),
				fills, Map.of(), List.of(), Instant.MAX, served, klines));
	}

	private static TradeEntry only(List<TradeEntry> trades) {
		assertThat(trades).hasSize(1);
		return trades.get(0);
	}

}
