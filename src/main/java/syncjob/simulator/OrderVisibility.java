package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;

import syncjob.lifecycle.Order;

/**
 * Which orders allOrders and Query Order still serve, per Binance's docs: none older than the
 * order retention, and a CANCELED or EXPIRED order without any fill only until 3 days after
 * its creation.
 */
final class OrderVisibility {

	static final Duration UNFILLED_KEPT = Duration.ofDays(3);

	private OrderVisibility() {
	}

	/** Served at server time {@code now} when no older than {@code horizon} (and not after now). */
	static boolean served(Order order, Instant now, Instant horizon) {
		if (order.time() == null) {
			return true;
		}
		if (order.time().isBefore(horizon) || order.time().isAfter(now)) {
			return false;
		}
		return !(closedWithoutFill(order) && order.time().isBefore(now.minus(UNFILLED_KEPT)));
	}

	static boolean closedWithoutFill(Order order) {
		boolean closed = "CANCELED".equals(order.status()) || "EXPIRED".equals(order.status());
		return closed && (order.executedQty() == null || order.executedQty().signum() == 0);
	}
}
