package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code open_positions} (SPEC section 3c): a stream's position still open at the
 * window's end {@code asOf}. When the lifecycle started before what Binance serves
 * ({@code complete} false), {@code openedAt} and {@code entryPrice} are null and the sums cover
 * the served parts only.
 *
 * @param quantity    absolute position at {@code asOf}
 * @param entryPrice  quantity-weighted mean price of the opening parts, 12 dp
 * @param fees        commissions in the quote asset only
 * @param fundingFees funding attributed to the lifecycle so far
 */
public record OpenPosition(StreamKey stream, Direction direction, Instant openedAt, BigDecimal quantity,
		BigDecimal entryPrice, BigDecimal realizedPnl, BigDecimal fees, BigDecimal fundingFees, int fillCount,
		boolean complete, Instant asOf) {

	private static final int MEAN_SCALE = 12;

	public OpenPosition {
		Objects.requireNonNull(stream, "stream");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(quantity, "quantity");
		Objects.requireNonNull(realizedPnl, "realizedPnl");
		Objects.requireNonNull(fees, "fees");
		Objects.requireNonNull(fundingFees, "fundingFees");
		Objects.requireNonNull(asOf, "asOf");
	}

	/**
	 * @param open        a lifecycle still open, every part before {@code to}
	 * @param fundingFees its funding with time before {@code to}, as {@link OpenPositions} attributes it
	 */
	public static OpenPosition of(Lifecycle open, String quoteAsset, BigDecimal fundingFees, Instant to) {
		if (open.closed()) {
			throw new IllegalArgumentException(open.tradeId() + " is closed, not an open position");
		}
		if (!open.exitTime().isBefore(to)) {
			throw new IllegalArgumentException(open.tradeId() + " has a part at " + open.exitTime()
					+ ", not before the window's end " + to);
		}
		BigDecimal openQty = BigDecimal.ZERO;
		BigDecimal openNotional = BigDecimal.ZERO;
		BigDecimal realizedPnl = BigDecimal.ZERO;
		BigDecimal fees = BigDecimal.ZERO;
		for (FillPart part : open.parts()) {
			if (part.opening()) {
				openQty = openQty.add(part.qty());
				openNotional = openNotional.add(part.qty().multiply(part.fill().price()));
			}
			realizedPnl = realizedPnl.add(part.realizedPnl());
			if (part.fill().commissionAsset().equals(quoteAsset)) {
				fees = fees.add(part.commission());
			}
		}
		boolean complete = open.complete();
		BigDecimal entryPrice = !complete || openQty.signum() == 0 ? null
				: openNotional.divide(openQty, MEAN_SCALE, RoundingMode.HALF_EVEN);
		BigDecimal quantity = open.parts().get(open.parts().size() - 1).positionAfter().abs();
		return new OpenPosition(open.stream(), open.direction(), complete ? open.entryTime() : null, quantity,
				entryPrice, realizedPnl, fees, fundingFees, open.parts().size(), complete, to);
	}
}
