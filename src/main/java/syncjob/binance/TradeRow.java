package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/**
 * A row of {@code GET /fapi/v1/userTrades}; decimals arrive as strings, times as epoch ms. Read by
 * {@link Reader}: a large sync reads a million of them.
 */
@JsonDeserialize(using = TradeRow.Reader.class)
record TradeRow(String symbol, Long id, Long orderId, Side side, PositionSide positionSide, BigDecimal price,
		BigDecimal qty, BigDecimal quoteQty, BigDecimal realizedPnl, BigDecimal commission, String commissionAsset,
		Long time, Boolean buyer, Boolean maker) {

	/**
	 * Commission keeps the sign Binance served: real accounts report a fee paid as positive, the
	 * docs' sample shows it negative, and a maker rebate has the other sign. Which is which is
	 * decided against the trade's COMMISSION income, not here.
	 */
	Fill toFill() {
		return new Fill(RowFields.shared(RowFields.require(symbol, "symbol")), RowFields.require(id, "id"),
				RowFields.require(orderId, "orderId"), RowFields.require(side, "side"), RowFields.require(positionSide, "positionSide"),
				RowFields.require(price, "price"), RowFields.require(qty, "qty"), RowFields.require(realizedPnl, "realizedPnl"),
				RowFields.require(commission, "commission"),
				RowFields.shared(RowFields.require(commissionAsset, "commissionAsset")), RowFields.instant(RowFields.require(time, "time")),
				Boolean.TRUE.equals(maker));
	}

	/** Reads the row's fields from the tokens ({@link RowTokens}); fields it does not name are skipped. */
	static final class Reader extends JsonDeserializer<TradeRow> {

		/** The order Binance serves the fields in, learned: see {@link FieldOrder}. */
		private static final FieldOrder ORDER = new FieldOrder();

		private static final Side[] SIDES = Side.values();

		private static final PositionSide[] POSITION_SIDES = PositionSide.values();

		@Override
		public TradeRow deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (!RowTokens.atObject(parser)) {
				return (TradeRow) context.handleUnexpectedToken(TradeRow.class, parser);
			}
			String symbol = null;
			Long id = null;
			Long orderId = null;
			Side side = null;
			PositionSide positionSide = null;
			BigDecimal price = null;
			BigDecimal qty = null;
			BigDecimal quoteQty = null;
			BigDecimal realizedPnl = null;
			BigDecimal commission = null;
			String commissionAsset = null;
			Long time = null;
			Boolean buyer = null;
			Boolean maker = null;
			for (String field = ORDER.first(parser); field != null; field = ORDER.next(parser, field)) {
				parser.nextToken();
				try {
					switch (field) {
						case "symbol" -> symbol = RowTokens.text(parser, context);
						case "id" -> id = RowTokens.whole(parser, context);
						case "orderId" -> orderId = RowTokens.whole(parser, context);
						case "side" -> side = RowTokens.constant(parser, context, Side.class, SIDES);
						case "positionSide" ->
							positionSide = RowTokens.constant(parser, context, PositionSide.class, POSITION_SIDES);
						case "price" -> price = RowTokens.decimal(parser, context);
						case "qty" -> qty = RowTokens.decimal(parser, context);
						case "quoteQty" -> quoteQty = RowTokens.decimal(parser, context);
						case "realizedPnl" -> realizedPnl = RowTokens.decimal(parser, context);
						case "commission" -> commission = RowTokens.decimal(parser, context);
						case "commissionAsset" -> commissionAsset = RowTokens.text(parser, context);
						case "time" -> time = RowTokens.whole(parser, context);
						case "buyer" -> buyer = RowTokens.bool(parser, context);
						case "maker" -> maker = RowTokens.bool(parser, context);
						default -> parser.skipChildren();
					}
				}
				catch (JacksonException ex) {
					throw RowTokens.failed(ex, TradeRow.class, field);
				}
			}
			return new TradeRow(symbol, id, orderId, side, positionSide, price, qty, quoteQty, realizedPnl,
					commission, commissionAsset, time, buyer, maker);
		}

	}

}
