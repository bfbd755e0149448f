package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;

/**
 * The order behind a fill, as the job can know it: nothing when orders are not fetched, or
 * when the exchange no longer serves the order. Binance's rule, stated here on its own: an
 * order is served when created at or after the order retention's horizon, except a CANCELED
 * or EXPIRED order without a fill created more than 3 days before now.
 */
final class TruthOrderTypes {

	private final Map<String, Map<Long, Order>> bySymbol = new HashMap<>();

	private final boolean includeOrders;

	private final Instant now;

	private final Instant horizon;

	TruthOrderTypes(List<Order> orders, boolean includeOrders, Instant now, Instant horizon) {
		this.includeOrders = includeOrders;
		this.now = now;
		this.horizon = horizon;
		if (includeOrders) {
			for (Order order : orders) {
				bySymbol.computeIfAbsent(order.symbol(), key -> new HashMap<>()).put(order.orderId(), order);
			}
		}
	}

	boolean includeOrders() {
		return includeOrders;
	}

	String typeOf(Fill fill) {
		return served(fill).map(Order::type).orElse(null);
	}

	/** The fill's order if orders are fetched and the exchange serves it. */
	Optional<Order> served(Fill fill) {
		if (!includeOrders) {
			return Optional.empty();
		}
		Order order = bySymbol.getOrDefault(fill.symbol(), Map.of()).get(fill.orderId());
		if (order == null || order.time() == null || order.time().isBefore(horizon)) {
			return Optional.empty();
		}
		boolean closed = "CANCELED".equals(order.status()) || "EXPIRED".equals(order.status());
		boolean unfilled = order.executedQty() == null || order.executedQty().signum() == 0;
		if (closed && unfilled && order.time().isBefore(now.minus(Duration.ofDays(3)))) {
			return Optional.empty();
		}
		return Optional.of(order);
	}
}
