package syncjob.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;

/**
 * The order type behind a fill, as the job can know it: nothing when orders are not
 * fetched, or when the order is older than the exchange's order retention.
 */
final class TruthOrderTypes {

	private final Map<String, Map<Long, Order>> bySymbol = new HashMap<>();

	private final boolean includeOrders;

	private final Instant horizon;

	TruthOrderTypes(List<Order> orders, boolean includeOrders, Instant horizon) {
		this.includeOrders = includeOrders;
		this.horizon = horizon;
		if (includeOrders) {
			for (Order order : orders) {
				bySymbol.computeIfAbsent(order.symbol(), key -> new HashMap<>()).put(order.orderId(), order);
			}
		}
	}

	String typeOf(Fill fill) {
		if (!includeOrders) {
			return null;
		}
		Order order = bySymbol.getOrDefault(fill.symbol(), Map.of()).get(fill.orderId());
		if (order == null || order.time() == null || order.time().isBefore(horizon)) {
			return null;
		}
		return order.type();
	}
}
