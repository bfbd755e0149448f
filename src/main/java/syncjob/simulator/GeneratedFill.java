package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/** A fill under construction: everything but its exchange id, given per symbol at the end. */
final class GeneratedFill {

	final long seq;

	final GeneratedOrder order;

	final long timeMs;

	/** Shared by the fill, its income records and its order's update time. */
	final Instant time;

	final BigDecimal price;

	final BigDecimal qty;

	final BigDecimal realizedPnl;

	final BigDecimal commission;

	final String commissionAsset;

	final boolean maker;

	long id;

	GeneratedFill(long seq, GeneratedOrder order, long timeMs, BigDecimal price, BigDecimal qty, BigDecimal realizedPnl,
			BigDecimal commission, String commissionAsset, boolean maker) {
		this.seq = seq;
		this.order = order;
		this.timeMs = timeMs;
		this.time = Instant.ofEpochMilli(timeMs);
		this.price = price;
		this.qty = qty;
		this.realizedPnl = realizedPnl;
		this.commission = commission;
		this.commissionAsset = commissionAsset;
		this.maker = maker;
	}

	BigDecimal signedQty() {
		return order.side.sign() > 0 ? qty : qty.negate();
	}
}
