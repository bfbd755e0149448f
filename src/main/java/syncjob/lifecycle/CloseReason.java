package syncjob.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a position closed ({@code close_reason}), read from the orders of its closing parts:
 * Binance names the orders it places itself by their client order id.
 */
public enum CloseReason {

	/** Closed by the trader's own orders. */
	TRADE,
	/** Closed by a liquidation order. */
	LIQUIDATION,
	/** Closed by auto-deleveraging. */
	ADL,
	/** Closed by a settlement for delisting or delivery. */
	SETTLEMENT;

	static final String LIQUIDATION_TYPE = "LIQUIDATION";

	static final String LIQUIDATION_PREFIX = "autoclose-";

	static final String ADL_PREFIX = "adl_autoclose";

	static final String SETTLEMENT_PREFIX = "settlement_autoclose-";

	/**
	 * LIQUIDATION if one served closing order is one, whatever else is missing; otherwise
	 * empty when orders were not fetched or a closing part's order was not served (the reason
	 * cannot be known); otherwise ADL, SETTLEMENT or TRADE, in that precedence.
	 */
	public static Optional<CloseReason> of(Lifecycle lifecycle, Map<Long, Order> ordersById, boolean ordersFetched) {
		List<Order> served = new ArrayList<>();
		boolean missing = false;
		for (FillPart part : lifecycle.parts()) {
			if (part.opening()) {
				continue;
			}
			Order order = ordersById.get(part.fill().orderId());
			if (order == null) {
				missing = true;
			}
			else {
				served.add(order);
			}
		}
		if (served.stream().anyMatch(CloseReason::isLiquidation)) {
			return Optional.of(LIQUIDATION);
		}
		if (!ordersFetched || missing) {
			return Optional.empty();
		}
		if (served.stream().anyMatch(order -> clientIdStarts(order, ADL_PREFIX))) {
			return Optional.of(ADL);
		}
		if (served.stream().anyMatch(order -> clientIdStarts(order, SETTLEMENT_PREFIX))) {
			return Optional.of(SETTLEMENT);
		}
		return Optional.of(TRADE);
	}

	/** Whether Binance placed this order to liquidate the position. */
	public static boolean isLiquidation(Order order) {
		return LIQUIDATION_TYPE.equals(order.type()) || clientIdStarts(order, LIQUIDATION_PREFIX);
	}

	private static boolean clientIdStarts(Order order, String prefix) {
		return order.clientOrderId() != null && order.clientOrderId().startsWith(prefix);
	}
}
