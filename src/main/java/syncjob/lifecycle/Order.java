package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One order (a row of {@code GET /fapi/v1/allOrders}); only its type reaches the journal. */
public record Order(String symbol, long orderId, String type, String status, Side side, PositionSide positionSide,
		BigDecimal origQty, BigDecimal executedQty, Instant time, Instant updateTime) {

	public Order {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(type, "type");
	}
}
