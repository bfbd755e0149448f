package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One account trade (a row of {@code GET /fapi/v1/userTrades}). {@code qty} and
 * {@code commission} are as the exchange reports them (positive for well-formed data);
 * validation, not construction, decides what to do with malformed values.
 */
public record Fill(String symbol, long id, long orderId, Side side, PositionSide positionSide, BigDecimal price,
		BigDecimal qty, BigDecimal realizedPnl, BigDecimal commission, String commissionAsset, Instant time,
		boolean maker) {

	/** The order in which fills of a stream are applied: by time, then by id. */
	public static final Comparator<Fill> STREAM_ORDER = Comparator.comparing(Fill::time).thenComparingLong(Fill::id);

	public Fill {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(positionSide, "positionSide");
		Objects.requireNonNull(price, "price");
		Objects.requireNonNull(qty, "qty");
		Objects.requireNonNull(realizedPnl, "realizedPnl");
		Objects.requireNonNull(commission, "commission");
		Objects.requireNonNull(commissionAsset, "commissionAsset");
		Objects.requireNonNull(time, "time");
	}

	/** BUY is +qty, SELL is -qty. */
	public BigDecimal signedQty() {
		return side == Side.BUY ? qty : qty.negate();
	}

	public StreamKey stream() {
		return new StreamKey(symbol, positionSide);
	}
}
