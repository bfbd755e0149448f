package syncjob.binance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Order;

/**
 * The orders a symbol's fills reference: {@code orderId} paging from the smallest referenced id
 * until every referenced id is seen or a short page proves the rest absent (beyond retention).
 */
final class OrderFetcher {

	private static final int LIMIT = Endpoint.PAGE_LIMIT;

	private final BinanceCaller caller;

	OrderFetcher(BinanceCaller caller) {
		this.caller = caller;
	}

	Map<Long, Order> referencedBy(String symbol, List<Fill> fills, Tally tally) {
		TreeSet<Long> missing = new TreeSet<>();
		fills.forEach(fill -> missing.add(fill.orderId()));
		Map<Long, Order> found = new HashMap<>();
		while (!missing.isEmpty()) {
			long fromId = missing.first();
			List<Order> page = caller.call(Endpoint.ALL_ORDERS, symbol, tally,
					api -> api.allOrders(symbol, fromId, LIMIT),
					rows -> rows.stream().map(OrderRow::toOrder).toList());
			long lastId = fromId;
			for (Order order : page) {
				if (missing.remove(order.orderId())) {
					found.put(order.orderId(), order);
				}
				lastId = Math.max(lastId, order.orderId());
			}
			if (page.size() < LIMIT) {
				break;
			}
			// ids a full page has passed without returning are not served (beyond retention)
			missing.headSet(lastId, true).clear();
		}
		return Map.copyOf(found);
	}
}
