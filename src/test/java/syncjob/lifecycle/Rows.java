package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Helpers to write expected journal rows literally and compare them by value. */
final class Rows {

	static final String ACCOUNT = "acc";

	static final Instant FAR = Fills.t(100_000);

	private Rows() {
	}

	/** An expected row; the symbol is the tradeId's prefix, decimals as text (null for null). */
	static TradeEntry row(String tradeId, Direction direction, PositionSide positionSide, Instant entryTime,
			Instant exitTime, String quantity, String entryPrice, String exitPrice, String realizedPnl, String fees,
			String feeOther, String fundingFees, String netPnl, int fillCount, String maxPosition,
			String entryOrderType, String exitOrderType, ValidationStatus status, String warnings) {
		return new TradeEntry(ACCOUNT, "binance", tradeId, tradeId.substring(0, tradeId.indexOf('-')), direction,
				positionSide, entryTime, exitTime, dec(quantity), dec(entryPrice), dec(exitPrice), dec(realizedPnl),
				dec(fees), feeOther, dec(fundingFees), dec(netPnl), fillCount, dec(maxPosition), entryOrderType,
				exitOrderType, status, warnings);
	}

	static void assertRow(TradeEntry expected, TradeEntry actual) {
		assertThat(normalized(actual)).isEqualTo(normalized(expected));
	}

	static void assertRows(List<TradeEntry> expected, List<TradeEntry> actual) {
		assertThat(actual.stream().map(Rows::normalized).toList())
			.isEqualTo(expected.stream().map(Rows::normalized).toList());
	}

	/** Whole pipeline over a window covering every fill, no funding. */
	static SymbolOutcome process(String symbol, List<Fill> fills, Map<Long, Order> orders) {
		return SymbolPipeline.process(new SymbolInput(ACCOUNT, symbol, "USDT", Fills.T0, FAR, fills, Map.of(),
				List.of(), orders));
	}

	/**
	 * The row the aggregator and validator make of the fills' single lifecycle, without the
	 * pipeline's completeness proof: the contract's validation rules on data as given.
	 */
	static TradeEntry validated(String symbol, List<Fill> fills) {
		Lifecycle lifecycle = Lifecycles.group(symbol, fills, Map.of()).closed().get(0);
		TradeEntry entry = TradeAggregator.aggregate(ACCOUNT, lifecycle, "USDT", null, Map.of());
		return TradeValidator.validate(lifecycle, entry).entry();
	}

	static Order order(long orderId, String type) {
		return new Order("BTCUSDT", orderId, type, "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, Fills.T0, Fills.T0);
	}

	private static BigDecimal dec(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private static BigDecimal n(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	/** The row with every decimal stripped of trailing zeros, so that 1.50 equals 1.5. */
	static TradeEntry normalized(TradeEntry e) {
		return new TradeEntry(e.account(), e.source(), e.binanceTradeId(), e.symbol(), e.direction(),
				e.positionSide(), e.entryTime(), e.exitTime(), n(e.quantity()), n(e.entryPrice()), n(e.exitPrice()),
				n(e.realizedPnl()), n(e.fees()), e.feeOther(), n(e.fundingFees()), n(e.netPnl()), e.fillCount(),
				n(e.maxPosition()), e.entryOrderType(), e.exitOrderType(), e.validationStatus(), e.warnings());
	}
}
