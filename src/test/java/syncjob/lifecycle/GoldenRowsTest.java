package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static syncjob.lifecycle.Direction.LONG;
import static syncjob.lifecycle.Direction.SHORT;
import static syncjob.lifecycle.Fills.d;
import static syncjob.lifecycle.Fills.t;
import static syncjob.lifecycle.PositionSide.BOTH;
import static syncjob.lifecycle.Rows.assertRow;
import static syncjob.lifecycle.Rows.assertRows;
import static syncjob.lifecycle.Rows.row;
import static syncjob.lifecycle.ValidationStatus.VALID;
import static syncjob.lifecycle.ValidationStatus.WARNING;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Golden cases: short fill lists with the expected rows written out by hand. */
class GoldenRowsTest {

	@Test
	void simpleLong() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").fee("0.04")
			.sell("1", "110").pnl("10").fee("0.044")
			.list();
		Map<Long, Order> orders = Map.of(1001L, Rows.order(1001, "MARKET"), 1002L, Rows.order(1002, "LIMIT"));
		SymbolOutcome outcome = Rows.process("BTCUSDT", fills, orders);
		assertRows(List.of(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(2), "1", "100", "110", "10", "0.084", null, "0",
				"9.916", 2, "1", "MARKET", "LIMIT", VALID, null)), outcome.trades());
		assertThat(outcome.rejected().isEmpty()).isTrue();
		assertThat(outcome.open().isEmpty()).isTrue();
		// means are rounded to 12 decimal places
		assertThat(outcome.trades().get(0).entryPrice().scale()).isEqualTo(12);
		assertThat(outcome.trades().get(0).exitPrice().scale()).isEqualTo(12);
	}

	@Test
	void orderTypesAreNullWithoutOrders() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("10").list();
		TradeEntry entry = Rows.process("BTCUSDT", fills, Map.of(1001L, Rows.order(1001, "MARKET"))).trades().get(0);
		assertThat(entry.entryOrderType()).isEqualTo("MARKET");
		assertThat(entry.exitOrderType()).isNull();
	}

	@Test
	void simpleShort() {
		List<Fill> fills = Fills.of("ETHUSDT")
			.sell("2", "50").fee("0.05")
			.buy("2", "45").pnl("10").fee("0.045")
			.list();
		assertRows(List.of(row("ETHUSDT-SHORT-1", SHORT, BOTH, t(1), t(2), "2", "50", "45", "10", "0.095", null, "0",
				"9.905", 2, "2", null, null, VALID, null)), Rows.process("ETHUSDT", fills, Map.of()).trades());
	}

	@Test
	void scaleInAndScaleOut() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").fee("0.1")
			.buy("2", "101").fee("0.2")
			.sell("1", "110").pnl("9.33333333").fee("0.1")
			.sell("2", "111").pnl("20.66666667").fee("0.2")
			.list();
		assertRows(List.of(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(4), "3", "100.666666666667", "110.666666666667",
				"30", "0.6", null, "0", "29.4", 4, "3", null, null, VALID, null)),
				Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void partialCloses() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.sell("3", "200").fee("0.3")
			.buy("1", "190").pnl("10").fee("0.1")
			.sell("1", "195").fee("0.1")
			.buy("3", "180").pnl("55").fee("0.3")
			.list();
		assertRows(List.of(row("BTCUSDT-SHORT-1", SHORT, BOTH, t(1), t(4), "4", "198.75", "182.5", "65", "0.8", null,
				"0", "64.2", 4, "3", null, null, VALID, null)), Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void flipInOneFill() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("2", "100").fee("0.08")
			.sell("5", "110").pnl("20").fee("0.22")
			.buy("3", "105").pnl("15").fee("0.126")
			.list();
		SymbolOutcome outcome = Rows.process("BTCUSDT", fills, Map.of());
		assertRows(List.of(
				row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(2), "2", "100", "110", "20", "0.168", null, "0", "19.832", 2,
						"2", null, null, VALID, null),
				row("BTCUSDT-SHORT-2", SHORT, BOTH, t(2), t(3), "3", "110", "105", "15", "0.258", null, "0", "14.742",
						2, "3", null, null, VALID, null)),
				outcome.trades());
		// the flip's parts: closing 2 with all the PnL, opening 3 with the commission remainder
		GroupingResult grouping = Lifecycles.group("BTCUSDT", fills, Map.of());
		FillPart closing = grouping.closed().get(0).parts().get(1);
		FillPart opening = grouping.closed().get(1).parts().get(0);
		assertThat(closing).isEqualTo(new FillPart(fills.get(1), d("2"), d("20"), d("0.088000000000"), false, d("0")));
		assertThat(opening)
			.isEqualTo(new FillPart(fills.get(1), d("3"), BigDecimal.ZERO, d("0.132000000000"), true, d("-3")));
	}

	@Test
	void twoFlipsInARow() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.sell("1", "100").fee("0.1")
			.buy("3", "98").pnl("2").fee("0.1")
			.sell("4", "99").pnl("2").fee("0.2")
			.buy("2", "97").pnl("4").fee("0.05")
			.list();
		assertRows(List.of(
				row("BTCUSDT-SHORT-1", SHORT, BOTH, t(1), t(2), "1", "100", "98", "2", "0.133333333333", null, "0",
						"1.866666666667", 2, "1", null, null, VALID, null),
				row("BTCUSDT-LONG-2", LONG, BOTH, t(2), t(3), "2", "98", "99", "2", "0.166666666667", null, "0",
						"1.833333333333", 2, "2", null, null, VALID, null),
				row("BTCUSDT-SHORT-3", SHORT, BOTH, t(3), t(4), "2", "99", "97", "4", "0.15", null, "0", "3.85", 2, "2",
						null, null, VALID, null)),
				Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void hedgeLongAndShortOverlapping() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.side(PositionSide.LONG).buy("1", "100")
			.side(PositionSide.SHORT).sell("2", "101")
			.side(PositionSide.LONG).buy("1", "102")
			.side(PositionSide.SHORT).buy("2", "99").pnl("4")
			.side(PositionSide.LONG).sell("2", "105").pnl("8")
			.list();
		assertRows(List.of(
				row("BTCUSDT-SHORT-2", SHORT, PositionSide.SHORT, t(2), t(4), "2", "101", "99", "4", "0.02", null, "0",
						"3.98", 2, "2", null, null, VALID, null),
				row("BTCUSDT-LONG-1", LONG, PositionSide.LONG, t(1), t(5), "2", "101", "105", "8", "0.03", null, "0",
						"7.97", 3, "2", null, null, VALID, null)),
				Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void sameMillisecondFillsAreOrderedById() {
		Fills fixture = Fills.of("BTCUSDT")
			.sell("1", "102").id(12).at(5)
			.sell("1", "101").id(11).at(5).pnl("1")
			.buy("1", "100").id(10).at(5);
		SymbolOutcome outcome = Rows.process("BTCUSDT", fixture.list(), Map.of());
		assertRows(List.of(row("BTCUSDT-LONG-10", LONG, BOTH, t(5), t(5), "1", "100", "101", "1", "0.02", null, "0",
				"0.98", 2, "1", null, null, VALID, null)), outcome.trades());
		assertThat(outcome.open().stream().map(Lifecycle::tradeId).toList()).isEqualTo(List.of("BTCUSDT-SHORT-12"));

		LifecycleGrouper grouper = new LifecycleGrouper(new StreamKey("BTCUSDT", BOTH), BigDecimal.ZERO);
		grouper.accept(fixture.fill(11));
		assertThatThrownBy(() -> grouper.accept(fixture.fill(10))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> grouper.accept(fixture.fill(11))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void positionOpenAtWindowStartIsCompletedWithEarlierFills() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "90")
			.sell("1", "95").pnl("5") // closed before from: an earlier sync's
			.buy("2", "100").fee("0.04")
			.sell("2", "110").at(11).pnl("20").fee("0.044")
			.list();
		List<IncomeRecord> funding = List.of(funding(t(5), "-0.1"), funding(t(10), "-0.2"), funding(t(15), "-0.05"));
		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", t(10), t(20),
				fills, Map.of(), funding, Map.of()));
		assertRows(List.of(row("BTCUSDT-LONG-3", LONG, BOTH, t(3), t(11), "2", "100", "110", "20", "0.084", null,
				"-0.3", "19.616", 2, "2", null, null, VALID, null)), outcome.trades());
		assertThat(outcome.rejected().isEmpty()).isTrue();
		assertThat(outcome.incomplete().isEmpty()).isTrue();
		assertThat(outcome.open().isEmpty()).isTrue();
		assertFigures(outcome.figures(), "20", Map.of("USDT", "0.044"), "20", "0", "0", "0", "-0.25", "-0.05", 1, 0, 0,
				0);
	}

	@Test
	void incompleteLifecycleIsNeverAFalseOppositeOne() {
		// short 2 held before the first fetched fill: selling more, then a flip to long
		List<Fill> fills = Fills.of("BTCUSDT")
			.sell("1", "100").id(5).at(11)
			.buy("5", "95").at(12).pnl("15").fee("0.05")
			.sell("2", "96").at(13).pnl("2").fee("0.02")
			.list();
		StreamKey stream = new StreamKey("BTCUSDT", BOTH);
		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", t(10), t(20),
				fills, Map.of(stream, d("-2")), List.of(), Map.of()));
		assertThat(outcome.incomplete())
			.isEqualTo(List.of(new Lifecycle(stream, SHORT, List.of(new FillPart(fills.get(0), d("1"), d("0"), d("0.01"), true, d("-3")), new FillPart(fills.get(1), d("3"), d("15"), d("0.030000000000"), false, d("0"))), false)));
		assertRows(List.of(row("BTCUSDT-LONG-6", LONG, BOTH, t(12), t(13), "2", "95", "96", "2", "0.04", null, "0",
				"1.96", 2, "2", null, null, VALID, null)), outcome.trades());
		assertThat(outcome.open().isEmpty()).isTrue();
		assertFigures(outcome.figures(), "17", Map.of("USDT", "0.08"), "2", "0", "0", "15", "0", "0", 1, 0, 0, 1);
	}

	@Test
	void closingAnUnknownLongIsNotAShortLifecycle() {
		List<Fill> fills = Fills.of("BTCUSDT").sell("2", "110").at(11).pnl("20").list();
		StreamKey stream = new StreamKey("BTCUSDT", BOTH);
		GroupingResult grouping = Lifecycles.group("BTCUSDT", fills, Map.of(stream, d("2")));
		assertThat(grouping.closed().isEmpty()).isTrue();
		assertThat(grouping.open().isEmpty()).isTrue();
		assertThat(grouping.incomplete().stream().map(Lifecycle::tradeId).toList())
			.isEqualTo(List.of("BTCUSDT-LONG-1"));
		assertThat(grouping.incomplete().get(0).complete()).isFalse();

		// hedge: an unknown long partly closed stays one incomplete LONG lifecycle, still open
		List<Fill> hedge = Fills.of("BTCUSDT").side(PositionSide.LONG).sell("1", "110").sell("1", "111").list();
		StreamKey longStream = new StreamKey("BTCUSDT", PositionSide.LONG);
		GroupingResult hedged = Lifecycles.group("BTCUSDT", hedge, Map.of(longStream, d("3")));
		assertThat(hedged.closed().isEmpty()).isTrue();
		assertThat(hedged.incomplete().isEmpty()).isTrue();
		Lifecycle open = hedged.open().get(0);
		assertThat(open.direction()).isEqualTo(LONG);
		assertThat(open.complete()).isFalse();
		assertThat(open.parts().size()).isEqualTo(2);
		assertThat(open.absPositionAt(t(0)).compareTo(d("3"))).isEqualTo(0);
		assertThat(open.absPositionAt(t(2)).compareTo(d("1"))).isEqualTo(0);
	}

	@Test
	void commissionInBnb() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").fee("0.03", "USDC")
			.buy("1", "100").fee("0.04")
			.sell("2", "101").pnl("2").fee("0.00020", "BNB")
			.list();
		assertRows(List.of(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(3), "2", "100", "101", "2", "0.04",
				"BNB:0.0002, USDC:0.03", "0", "1.96", 3, "2", null, null, WARNING,
				"NON_QUOTE_FEE: BNB:0.0002, USDC:0.03")), Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void zeroCommissionOnClosingFills() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("2", "100").fee("0")
			.sell("1", "101").id(7).pnl("1").fee("0")
			.sell("1", "102").id(5).pnl("2").fee("0")
			.list();
		assertRows(List.of(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(3), "2", "100", "101.5", "3", "0", null, "0", "3",
				3, "2", null, null, WARNING, "ZERO_COMMISSION_CLOSE: fills 5, 7")),
				Rows.process("BTCUSDT", fills, Map.of()).trades());
	}

	@Test
	void pnlMismatch() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("9.5").list();
		assertRow(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(2), "1", "100", "110", "9.5", "0.02", null, "0", "9.48", 2,
				"1", null, null, WARNING, "PNL_MISMATCH: recomputed gross PnL 10 vs realized 9.5"),
				Rows.validated("BTCUSDT", fills));

		// within max(0.1%, 0.01): no warning
		List<Fill> close = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("9.99").list();
		assertThat(Rows.process("BTCUSDT", close, Map.of()).trades().get(0).validationStatus()).isEqualTo(VALID);
		List<Fill> large = Fills.of("BTCUSDT").buy("100", "100").sell("100", "300").pnl("19980").list();
		assertThat(Rows.process("BTCUSDT", large, Map.of()).trades().get(0).validationStatus()).isEqualTo(VALID);
		List<Fill> tooFar = Fills.of("BTCUSDT").buy("100", "100").sell("100", "300").pnl("19979.99").list();
		assertThat(Rows.validated("BTCUSDT", tooFar).validationStatus()).isEqualTo(WARNING);
	}

	@Test
	void aRealizedPnlTheFillsCannotExplainWithholdsTheLifecycleAsAMissingFill() {
		// Binance realizes closeQty * (price - average entry); with every fill present a lifecycle's
		// realized PnL equals its gross PnL, so 9.5 where the fills imply 10 means a fill is missing
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("9.5").list();

		SymbolOutcome outcome = Rows.process("BTCUSDT", fills, Map.of());

		assertThat(outcome.trades().isEmpty()).isTrue();
		assertThat(outcome.withheld().stream().map(Lifecycle::tradeId).toList()).isEqualTo(List.of("BTCUSDT-LONG-1"));
		assertThat(outcome.figures().lifecyclesWithheld()).isEqualTo(1);
		assertThat(outcome.figures().fillGaps())
			.isEqualTo(List.of("fill 2 at " + t(2) + " realized 9.5 where the fills served imply 10 (average entry 100)"));
		assertThat(Rows.process("BTCUSDT", Fills.of("BTCUSDT").buy("100", "100").sell("100", "300") .pnl("19979.99") .list(), Map.of()).withheld().isEmpty())
			.isFalse();
	}

	@Test
	void pnlMismatchOnShortPrintsEightDecimals() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.sell("3", "100.1")
			.buy("1", "100").pnl("-1")
			.buy("2", "100.05").pnl("-0.23456789123")
			.list();
		assertRow(row("BTCUSDT-SHORT-1", SHORT, BOTH, t(1), t(3), "3", "100.1", "100.033333333333", "-1.23456789123",
				"0.03", null, "0", "-1.26456789123", 3, "3", null, null, WARNING,
				"PNL_MISMATCH: recomputed gross PnL 0.2 vs realized -1.23456789"), Rows.validated("BTCUSDT", fills));
	}

	@Test
	void warningsInContractOrder() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100").fee("0.001", "BNB")
			.sell("1", "110").pnl("5").fee("0")
			.list();
		assertRow(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(2), "1", "100", "110", "5", "0", "BNB:0.001", "0", "5", 2,
				"1", null, null, WARNING,
				"PNL_MISMATCH: recomputed gross PnL 10 vs realized 5; ZERO_COMMISSION_CLOSE: fills 2; "
						+ "NON_QUOTE_FEE: BNB:0.001"),
				Rows.validated("BTCUSDT", fills));
	}

	@Test
	void fundingAtEntryCountsAndAtExitDoesNot() {
		List<Fill> fills = Fills.of("BTCUSDT").buy("1", "100").sell("1", "110").pnl("10").list();
		List<IncomeRecord> funding = List.of(funding(t(1), "-0.5"), funding(t(2), "-0.3"));
		SymbolOutcome outcome = SymbolPipeline.process(
				new SymbolInput(Rows.ACCOUNT, "BTCUSDT", "USDT", t(0), t(60), fills, Map.of(), funding, Map.of()));
		assertRows(List.of(row("BTCUSDT-LONG-1", LONG, BOTH, t(1), t(2), "1", "100", "110", "10", "0.02", null, "-0.5",
				"9.48", 2, "1", null, null, VALID, null)), outcome.trades());
		assertFigures(outcome.figures(), "10", Map.of("USDT", "0.02"), "10", "0", "0", "0", "-0.8", "-0.3", 1, 0, 0, 0);
	}

	@Test
	void rejectedTradesAreReportedNotRecorded() {
		List<Fill> fills = Fills.of("BTCUSDT")
			.buy("1", "100")
			.sell("1", "0").pnl("-100")
			.buy("1", "100")
			.sell("1", "101").pnl("1")
			.list();
		SymbolOutcome outcome = Rows.process("BTCUSDT", fills, Map.of());
		assertThat(outcome.trades().stream().map(TradeEntry::binanceTradeId).toList())
			.isEqualTo(List.of("BTCUSDT-LONG-3"));
		assertThat(outcome.rejected().size()).isEqualTo(1);
		assertThat(outcome.rejected().get(0).entry().binanceTradeId()).isEqualTo("BTCUSDT-LONG-1");
		assertThat(outcome.rejected().get(0).errors()).isEqualTo(List.of("fill 2 has non-positive price 0"));
		assertFigures(outcome.figures(), "-99", Map.of("USDT", "0.04"), "1", "0", "-100", "0", "0", "0", 1, 1, 0, 0);
	}

	static IncomeRecord funding(Instant time, String amount) {
		return new IncomeRecord("BTCUSDT", IncomeType.FUNDING_FEE, d(amount), "USDT", time, "F" + time.toEpochMilli(),
				"", "");
	}

	static void assertFigures(SymbolFigures figures, String fillPnl, Map<String, String> commission, String recorded,
			String open, String rejected, String incomplete, String fundingAccounted, String fundingUnattributed,
			int tradesRecorded, int tradesRejected, int lifecyclesOpen, int lifecyclesIncomplete) {
		assertThat(List.of(figures.fillRealizedPnl(), figures.pnlRecorded(), figures.pnlOpen(), figures.pnlRejected(), figures.pnlIncomplete(), figures.fundingAccounted(), figures.fundingUnattributed()) .stream() .map(BigDecimal::stripTrailingZeros) .toList())
			.as("fillPnl, recorded, open, rejected, incomplete, fundingAccounted, fundingUnattributed")
			.isEqualTo(List.of(d(fillPnl), d(recorded), d(open), d(rejected), d(incomplete), d(fundingAccounted), d(fundingUnattributed)).stream().map(BigDecimal::stripTrailingZeros).toList());
		assertThat(figures.fillCommissionByAsset().size()).isEqualTo(commission.size());
		commission.forEach((asset, amount) -> assertThat(d(amount).compareTo(figures.fillCommissionByAsset().get(asset))).as(asset).isEqualTo(0));
		assertThat(List.of(figures.tradesRecorded(), figures.tradesRejected(), figures.lifecyclesOpen(), figures.lifecyclesIncomplete()))
			.isEqualTo(List.of(tradesRecorded, tradesRejected, lifecyclesOpen, lifecyclesIncomplete));
	}
}
