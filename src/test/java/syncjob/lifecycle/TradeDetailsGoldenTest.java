package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static syncjob.lifecycle.Details.candle;
import static syncjob.lifecycle.Details.closes;
import static syncjob.lifecycle.Details.details;
import static syncjob.lifecycle.Details.order;
import static syncjob.lifecycle.Details.orders;
import static syncjob.lifecycle.Fills.T0;
import static syncjob.lifecycle.Fills.t;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Golden cases of the detail columns, worked by hand: every expected value is written with the
 * scale the contract rounds it to, so a rounding at the wrong place or scale fails.
 */
class TradeDetailsGoldenTest {

	@Test
	void longWithPartialCloses() {
		List<Fill> fills = Details.maker(Fills.of("BTCUSDT")
			.buy("2", "100").at(1).fee("0.08")
			.buy("1", "103").at(2).fee("0.0412")
			.sell("1", "110").at(3).pnl("9").fee("0.044")
			.sell("2", "98").at(t(5).plusMillis(30_999)).pnl("-6").fee("0.0784")
			.list(), 1L, 3L);
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		Map<Long, Order> orders = orders(order(1003, "LIMIT", "web_abc"), order(1004, "MARKET", "ios_xyz"));
		// 1m candles from 00:01 (entry) to 00:05 (exit at 00:05:30.999); 00:00 and 00:06 lie outside
		List<Candle> candles = List.of(candle(t(0), "150", "50"), candle(t(1), "100.5", "99.5"),
				candle(t(2), "103.4", "100.2"), candle(t(3), "111.2", "97.1"), candle(t(4), "104", "97.9"),
				candle(t(5), "99", "97.5"), candle(t(6), "150", "50"));
		TradeDetails details = details(lifecycle, "USDT", orders, true, MinuteCloses.none(), Optional.of(candles));
		// hold: 00:05:30.999 - 00:01:00 = 270.999 s, floored to 270
		// entry notional 2*100 + 1*103 = 303; exit notional 1*110 + 2*98 = 306
		// net pnl = realized (9 - 6) - fees (0.08 + 0.0412 + 0.044 + 0.0784 = 0.2436) = 2.7564
		// net return 100 * 2.7564 / 303 = 0.909702970297... -> 0.90970297: WIN
		// maker: fills 1 (2) and 3 (1) of 2 + 1 + 1 + 2 = 3/6 = 0.5
		// closing orders 1003, 1004 served, ordinary client ids: TRADE; no other-asset fee: 0
		// entry price 303/3 = 101; low 97.1 (00:03), high 111.2 (00:03)
		// mae 100 * (97.1 - 101) / 101 = -3.861386138... -> -3.86138614
		// mfe 100 * (111.2 - 101) / 101 = 10.099009900... -> 10.09900990
		assertThat(details)
			.isEqualTo(expected("USDT", 270, "303.000000000000", "306.000000000000", "0.90970297", TradeResult.WIN, "0.500000000000", CloseReason.TRADE, "0E-12", "2.756400000000", KlineInterval.M1, "97.1", "111.2", "-3.86138614", "10.09900990"));
	}

	@Test
	void shortWithPartialClosesInUsdc() {
		List<Fill> fills = Details.maker(Fills.of("ETHUSDC")
			.sell("3", "2000").at(10).fee("0.6", "USDC")
			.buy("1", "1990").at(20).pnl("10").fee("0.398", "USDC")
			.sell("1", "1995").at(30).fee("0.399", "USDC")
			.buy("3", "2010").at(600).pnl("-35").fee("1.206", "USDC")
			.list(), 1L);
		Lifecycle lifecycle = Details.closed("ETHUSDC", fills).get(0);
		// 1m would need candles 00:10..10:00 = 591 > 499; 3m needs 00:09..10:00 = 200 - 3 + 1 = 198
		CandleRange range = TradeDetails.candlesNeeded(lifecycle);
		assertThat(range).isEqualTo(new CandleRange(KlineInterval.M3, t(9), t(600), 198));
		// only some candles served (a gap is no reason to drop the rest); 00:06 is outside
		List<Candle> candles = List.of(candle(t(6), "3000", "1000"), candle(t(9), "2001", "1999"),
				candle(t(300), "2030.5", "2003"), candle(t(600), "2012", "1985"));
		TradeDetails details = details(lifecycle, "USDC", Map.of(), false, MinuteCloses.none(),
				Optional.of(candles));
		// hold 590 min = 35400 s; entry notional 3*2000 + 1*1995 = 7995; exit 1*1990 + 3*2010 = 8020
		// net = (10 - 35) - (0.6 + 0.398 + 0.399 + 1.206 = 2.603) = -27.603: LOSS
		// return 100 * -27.603 / 7995 = -0.345253283... -> -0.34525328
		// maker: fill 1 (3) of 3 + 1 + 1 + 3 = 3/8 = 0.375; orders not fetched: close reason null
		// entry price 7995/4 = 1998.75; SHORT: mae = highest high 2030.5, mfe = lowest low 1985
		// mae 100 * (1998.75 - 2030.5) / 1998.75 = -1.588492807... -> -1.58849281
		// mfe 100 * (1998.75 - 1985) / 1998.75 = 0.687929956... -> 0.68792996
		assertThat(details)
			.isEqualTo(expected("USDC", 35_400, "7995.000000000000", "8020.000000000000", "-0.34525328", TradeResult.LOSS, "0.375000000000", null, "0E-12", "-27.603000000000", KlineInterval.M3, "2030.5", "1985", "-1.58849281", "0.68792996"));
	}

	@Test
	void oneWayFlipUsesEachPartsQuantity() {
		List<Fill> fills = Details.maker(Fills.of("BTCUSDT")
			.buy("2", "100").fee("0.08")
			.sell("5", "110").pnl("20").fee("0.22")
			.buy("1", "105").pnl("5").fee("0.042")
			.buy("2", "105").pnl("10").fee("0.084")
			.list(), 1L, 3L);
		List<Lifecycle> lifecycles = Details.closed("BTCUSDT", fills);
		Map<Long, Order> orders = orders(order(1002, "MARKET", null), order(1003, "LIMIT", null),
				order(1004, "LIMIT", null));
		// the flip (fill 2, taker) is split by the grouper: close 2 (commission 0.088), open 3 (0.132)
		// LONG-1: open 2 @ 100 (maker), close 2 @ 110: notionals 200 and 220
		// net 20 - (0.08 + 0.088) = 19.832; return 100 * 19.832 / 200 = 9.916; maker 2/4
		assertThat(details(lifecycles.get(0), "USDT", orders, true, MinuteCloses.none(), Optional.empty()))
			.isEqualTo(expected("USDT", 60, "200.000000000000", "220.000000000000", "9.91600000", TradeResult.WIN, "0.500000000000", CloseReason.TRADE, "0E-12", "19.832000000000", null, null, null, null, null));
		// SHORT-2: open 3 @ 110 (the flip's rest), close 1 @ 105 (maker) and 2 @ 105: notionals 330, 315
		// net 15 - (0.132 + 0.042 + 0.084) = 14.742; return 1474.2 / 330 = 4.467272727... -> 4.46727273
		// maker 1/6 = 0.1666666666666... -> 0.166666666667; excursions off: null, no warning
		assertThat(details(lifecycles.get(1), "USDT", orders, true, MinuteCloses.none(), Optional.empty()))
			.isEqualTo(expected("USDT", 120, "330.000000000000", "315.000000000000", "4.46727273", TradeResult.WIN, "0.166666666667", CloseReason.TRADE, "0E-12", "14.742000000000", null, null, null, null, null));
	}

	@Test
	void bnbCommissionsValuedAtTheirOwnMinutes() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").at(t(1).plusSeconds(10)).fee("0.0001", "BNB")
			.sell("1", "101").at(t(3).plusMillis(59_999)).pnl("1").fee("0.00012", "BNB")
			.list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		assertThat(TradeDetails.klinesNeeded(lifecycle, "USDT"))
			.isEqualTo(new TreeSet<>(List.of(new PriceMinute("BNBUSDT", t(1)), new PriceMinute("BNBUSDT", t(3)))));
		MinuteCloses bnb = closes("BNBUSDT", t(1), "600.5", "BNBUSDT", t(3), "601.25", "BNBUSDT", t(2), "9999");
		TradeDetails details = details(lifecycle, "USDT", Map.of(), true, bnb, Optional.empty());
		// 0.0001 * 600.5 (00:01) + 0.00012 * 601.25 (00:03) = 0.06005 + 0.07215 = 0.1322
		// net pnl 1 - 0 (no USDT fee) = 1; all fees 1 - 0.1322 = 0.8678
		assertThat(details.feeOtherQuote()).isEqualTo(new BigDecimal("0.132200000000"));
		assertThat(details.netPnlAllFees()).isEqualTo(new BigDecimal("0.867800000000"));
		assertThat(details.netReturnPct()).isEqualTo(new BigDecimal("1.00000000")); // 100 * 1 / 100
		assertThat(details.warnings()).isEqualTo(List.of());
	}

	@Test
	void rebateLowersTheFeeAndResultFollowsNetPnl() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("2", "50").at(t(1).plusSeconds(10)).fee("-0.00002", "BNB")
			.sell("2", "50").at(t(3).plusSeconds(5)).fee("0.00003", "BNB")
			.list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		TradeDetails details = details(lifecycle, "USDT", Map.of(), true,
				closes("BNBUSDT", t(1), "600.5", "BNBUSDT", t(3), "601.25"), Optional.empty());
		// -0.00002 * 600.5 + 0.00003 * 601.25 = -0.01201 + 0.0180375 = 0.0060275
		assertThat(details.feeOtherQuote()).isEqualTo(new BigDecimal("0.006027500000"));
		// net pnl is 0 (no PnL, no quote fee): BREAKEVEN, though all fees make it -0.0060275
		assertThat(details.result()).isEqualTo(TradeResult.BREAKEVEN);
		assertThat(details.netPnlAllFees()).isEqualTo(new BigDecimal("-0.006027500000"));
		assertThat(details.netReturnPct()).isEqualTo(new BigDecimal("0E-8"));

		// a rebate in the quote asset is in net pnl already: 1 - (-0.01) = 1.01
		List<Fill> quoteRebate = Fills.of("BTCUSDT").buy("1", "100").fee("-0.01").sell("1", "101").pnl("1").fee("0")
			.list();
		TradeDetails rebated = details(Details.closed("BTCUSDT", quoteRebate).get(0), "USDT", Map.of(), true,
				MinuteCloses.none(), Optional.empty());
		assertThat(rebated.netReturnPct()).isEqualTo(new BigDecimal("1.01000000")); // 100 * 1.01 / 100
		assertThat(rebated.netPnlAllFees()).isEqualTo(new BigDecimal("1.010000000000"));
	}

	@Test
	void missingFeePriceMinutesAreNamedInOrder() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").at(t(5).plusSeconds(1)).fee("0.0001", "BNB")
			.buy("1", "100").at(t(1).plusSeconds(2)).fee("0.0001", "BNB")
			.buy("1", "100").at(t(2)).fee("0.5", "BFUSD")
			.sell("3", "101").at(t(5).plusSeconds(40)).pnl("3").fee("0.0003", "BNB")
			.list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		// BNBUSDT at 00:01 is served; 00:05 (two fills, one warning) is not; BFUSDUSDT not at all
		TradeDetails details = details(lifecycle, "USDT", Map.of(), true, closes("BNBUSDT", t(1), "600"),
				Optional.empty());
		assertThat(details.feeOtherQuote()).isNull();
		assertThat(details.netPnlAllFees()).isNull();
		assertThat(details.warnings())
			.isEqualTo(List.of("FEE_PRICE_NOT_SERVED: BFUSDUSDT 1m close at 2026-09-01T00:02:00Z not served by Binance", "FEE_PRICE_NOT_SERVED: BNBUSDT 1m close at 2026-09-01T00:05:00Z not served by Binance"));
		// the other columns do not depend on it: net 3 - 0 = 3, 100 * 3 / 300 = 1
		assertThat(details.netReturnPct()).isEqualTo(new BigDecimal("1.00000000"));
		SortedSet<PriceMinute> needed = TradeDetails.klinesNeeded(lifecycle, "USDT");
		assertThat(List.copyOf(needed))
			.isEqualTo(List.of(new PriceMinute("BNBUSDT", t(1)), new PriceMinute("BFUSDUSDT", t(2)), new PriceMinute("BNBUSDT", t(5))));
	}

	@Test
	void zeroCommissionInAnotherAssetNeedsNoPrice() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").fee("0", "BNB").sell("1", "100").fee("0.04").list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		assertThat(TradeDetails.klinesNeeded(lifecycle, "USDT")).isEqualTo(new TreeSet<>());
		TradeDetails details = details(lifecycle, "USDT", Map.of(), true, MinuteCloses.none(), Optional.empty());
		assertThat(details.feeOtherQuote()).isEqualTo(new BigDecimal("0E-12")); // 0 * any close
		assertThat(details.warnings()).isEqualTo(List.of());
	}

	@Test
	void klinesNotServedAreNamedWithTheirRange() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").at(T0.plusSeconds(3_600 * 5 + 7))
			.sell("1", "101").at(T0.plusSeconds(3_600 * 32)).pnl("1").list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		// 05:00:07 to 08:00 the next day: 1m 300..1920 = 1621, 3m 100..640 = 541, 5m 60..384 = 325
		String warning = "KLINES_NOT_SERVED: 5m candles of BTCUSDT from 2026-09-01T05:00:00Z to "
				+ "2026-09-02T08:00:00Z not served by Binance";
		// none served, or only candles outside the range: the same
		for (List<Candle> served : List.of(List.<Candle>of(), List.of(candle(t(32 * 60 + 5), "1", "1")))) {
			TradeDetails details = details(lifecycle, "USDT", Map.of(), true, MinuteCloses.none(),
					Optional.of(served));
			assertThat(details.warnings()).isEqualTo(List.of(warning));
			assertThat(details.excursionInterval()).isNull();
			assertThat(details.maePrice()).isNull();
			assertThat(details.mfePct()).isNull();
		}
		assertThat(NotServed.klines("BTCUSDT", TradeDetails.candlesNeeded(lifecycle))).isEqualTo(warning);
	}

	@Test
	void holdOfZeroSecondsIsOneCandle() {
		Instant at = T0.plusMillis(30_500);
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").at(at).sell("1", "100.5").at(at).pnl("0.5").list();
		Lifecycle lifecycle = Details.closed("BTCUSDT", fills).get(0);
		TradeDetails details = details(lifecycle, "USDT", Map.of(), true, MinuteCloses.none(),
				Optional.of(List.of(candle(T0, "100.6", "99.9"))));
		assertThat(details.holdSeconds()).isEqualTo(0);
		assertThat(TradeDetails.candlesNeeded(lifecycle)).isEqualTo(new CandleRange(KlineInterval.M1, T0, T0, 1));
		// 100 * (99.9 - 100) / 100 = -0.1; 100 * (100.6 - 100) / 100 = 0.6
		assertThat(details.maePct()).isEqualTo(new BigDecimal("-0.10000000"));
		assertThat(details.mfePct()).isEqualTo(new BigDecimal("0.60000000"));
	}

	static TradeDetails expected(String quote, long holdSeconds, String entryNotional, String exitNotional,
			String netReturnPct, TradeResult result, String makerRatio, CloseReason closeReason,
			String feeOtherQuote, String netPnlAllFees, KlineInterval interval, String maePrice, String mfePrice,
			String maePct, String mfePct, String... warnings) {
		return new TradeDetails(quote, holdSeconds, dec(entryNotional), dec(exitNotional), dec(netReturnPct),
				result, dec(makerRatio), closeReason, dec(feeOtherQuote), dec(netPnlAllFees), interval, dec(maePrice),
				dec(mfePrice), dec(maePct), dec(mfePct), List.of(warnings));
	}

	private static BigDecimal dec(String value) {
		return value == null ? null : new BigDecimal(value);
	}
}
