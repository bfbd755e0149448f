package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One order (a row of {@code GET /fapi/v1/allOrders}); its type reaches the journal, and its
 * type and client order id tell why a position closed ({@link CloseReason}).
 *
 * @param clientOrderId as Binance reports it, null when not known: Binance names the orders it
 *                      places itself by it ({@code autoclose-...}, {@code adl_autoclose},
 *                      {@code settlement_autoclose-...})
 */
public record Order(String symbol, long orderId, String type, String status, Side side, PositionSide positionSide,
		BigDecimal origQty, BigDecimal executedQty, Instant time, Instant updateTime, String clientOrderId) {

	public Order {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(type, "type");
	}

	/** An order whose client order id is not known. */
	public Order(String symbol, long orderId, String type, String status, Side side, PositionSide positionSide,
			BigDecimal origQty, BigDecimal executedQty, Instant time, Instant updateTime) {
		this(symbol, orderId, type, status, side, positionSide, origQty, executedQty, time, updateTime, null);
	}
}
