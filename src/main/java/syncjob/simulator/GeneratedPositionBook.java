package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One stream's position as Binance books it: the average entry price moves only when the
 * position grows, and a fill that reduces (or flips) it realizes
 * {@code closeQty * (price - avgEntry)} for a long, negated for a short, rounded to 8 dp.
 */
final class GeneratedPositionBook {

	private static final int AVERAGE_SCALE = 16;

	private static final int PNL_SCALE = 8;

	private BigDecimal position = BigDecimal.ZERO;

	private BigDecimal averageEntry = BigDecimal.ZERO;

	/** Applies a fill and returns its realized PnL (exactly zero, scale 0, when it only grows the position). */
	BigDecimal apply(BigDecimal signedQty, BigDecimal price) {
		if (position.signum() == 0 || position.signum() == signedQty.signum()) {
			BigDecimal grown = position.add(signedQty);
			averageEntry = position.abs().multiply(averageEntry).add(signedQty.abs().multiply(price))
				.divide(grown.abs(), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
			position = grown;
			return BigDecimal.ZERO;
		}
		BigDecimal closeQty = signedQty.abs().min(position.abs());
		BigDecimal perUnit = position.signum() > 0 ? price.subtract(averageEntry) : averageEntry.subtract(price);
		BigDecimal pnl = closeQty.multiply(perUnit).setScale(PNL_SCALE, RoundingMode.HALF_EVEN);
		BigDecimal after = position.add(signedQty);
		if (after.signum() == 0) {
			averageEntry = BigDecimal.ZERO;
		}
		else if (after.signum() != position.signum()) {
			averageEntry = price;
		}
		position = after;
		return pnl.signum() == 0 ? BigDecimal.ZERO : pnl;
	}

	BigDecimal position() {
		return position;
	}

	BigDecimal averageEntry() {
		return averageEntry;
	}
}
