package syncjob.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Binance served beside the fills, and where it stopped serving.
 *
 * @param ordersById the orders fetched, by id
 * @param ordersFetched whether orders were asked for at all ({@code sync.include-orders})
 * @param ordersNotServed ids of orders asked for that Binance no longer serves
 * @param incomeServedFrom the time of the oldest income record Binance serves, when this sync needed
 * income old enough to meet that horizon; empty when everything it needed is served
 */
public record ServedData(Map<Long, Order> ordersById, boolean ordersFetched, Set<Long> ordersNotServed,
		Optional<Instant> incomeServedFrom) {

	public ServedData {
		ordersById = ordersById == null ? Map.of() : Map.copyOf(ordersById);
		ordersNotServed = ordersNotServed == null ? Set.of() : Set.copyOf(ordersNotServed);
		incomeServedFrom = incomeServedFrom == null ? Optional.empty() : incomeServedFrom;
	}

	/** Orders as given, with nothing known to be missing. */
	public static ServedData orders(Map<Long, Order> ordersById) {
		return new ServedData(ordersById, false, Set.of(), Optional.empty());
	}

}
