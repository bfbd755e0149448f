package syncjob.binance;

import java.util.List;
import java.util.Map;
import java.util.Set;

import syncjob.lifecycle.Order;

/**
 * The orders one symbol's rows need, as far as Binance serves them.
 *
 * @param byId the orders served
 * @param notServed ids asked for that Binance does not serve (older than it keeps orders)
 * @param notes what the plan had to do differently from the cheapest plan, for the log
 */
public record ServedOrders(Map<Long, Order> byId, Set<Long> notServed, List<String> notes, int calls, int weight) {

	public ServedOrders {
		byId = Map.copyOf(byId);
		notServed = Set.copyOf(notServed);
		notes = List.copyOf(notes);
	}

	/** No orders: they were not asked for. */
	public static ServedOrders none() {
		return new ServedOrders(Map.of(), Set.of(), List.of(), 0, 0);
	}

}
