package syncjob.binance;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/**
 * A row of {@code GET /fapi/v1/allOrders} (and of Query Order, {@code GET /fapi/v1/order}). Read by
 * {@link Reader}: a large sync reads hundreds of thousands of them.
 */
@JsonDeserialize(using = OrderRow.Reader.class)
record OrderRow(String symbol, Long orderId, String clientOrderId, String type, String origType, String status,
		Side side, PositionSide positionSide, BigDecimal price, BigDecimal avgPrice, BigDecimal origQty,
		BigDecimal executedQty, Long time, Long updateTime) {

	Order toOrder() {
		return new Order(RowFields.shared(RowFields.require(symbol, "symbol")), RowFields.require(orderId, "orderId"),
				RowFields.shared(RowFields.require(type, "type")), RowFields.shared(status), side, positionSide, origQty, executedQty,
				RowFields.instant(time), RowFields.instant(updateTime), clientOrderId);
	}

	/** Reads the row's fields from the tokens ({@link RowTokens}); fields it does not name are skipped. */
	static final class Reader extends JsonDeserializer<OrderRow> {

		/** The order Binance serves the fields in, learned: see {@link FieldOrder}. */
		private static final FieldOrder ORDER = new FieldOrder();

		private static final Side[] SIDES = Side.values();

		private static final PositionSide[] POSITION_SIDES = PositionSide.values();

		@Override
		public OrderRow deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (!RowTokens.atObject(parser)) {
				return (OrderRow) context.handleUnexpectedToken(OrderRow.class, parser);
			}
			String symbol = null;
			Long orderId = null;
			String clientOrderId = null;
			String type = null;
			String origType = null;
			String status = null;
			Side side = null;
			PositionSide positionSide = null;
			BigDecimal price = null;
			BigDecimal avgPrice = null;
			BigDecimal origQty = null;
			BigDecimal executedQty = null;
			Long time = null;
			Long updateTime = null;
			for (String field = ORDER.first(parser); field != null; field = ORDER.next(parser, field)) {
				parser.nextToken();
				try {
					switch (field) {
						case "symbol" -> symbol = RowTokens.text(parser, context);
						case "orderId" -> orderId = RowTokens.whole(parser, context);
						case "clientOrderId" -> clientOrderId = RowTokens.text(parser, context);
						case "type" -> type = RowTokens.text(parser, context);
						case "origType" -> origType = RowTokens.text(parser, context);
						case "status" -> status = RowTokens.text(parser, context);
						case "side" -> side = RowTokens.constant(parser, context, Side.class, SIDES);
						case "positionSide" ->
							positionSide = RowTokens.constant(parser, context, PositionSide.class, POSITION_SIDES);
						case "price" -> price = RowTokens.decimal(parser, context);
						case "avgPrice" -> avgPrice = RowTokens.decimal(parser, context);
						case "origQty" -> origQty = RowTokens.decimal(parser, context);
						case "executedQty" -> executedQty = RowTokens.decimal(parser, context);
						case "time" -> time = RowTokens.whole(parser, context);
						case "updateTime" -> updateTime = RowTokens.whole(parser, context);
						default -> parser.skipChildren();
					}
				}
				catch (JacksonException ex) {
					throw RowTokens.failed(ex, OrderRow.class, field);
				}
			}
			return new OrderRow(symbol, orderId, clientOrderId, type, origType, status, side, positionSide, price,
					avgPrice, origQty, executedQty, time, updateTime);
		}

	}

}
