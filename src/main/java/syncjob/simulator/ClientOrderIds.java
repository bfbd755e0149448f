package syncjob.simulator;

import java.util.OptionalLong;

import syncjob.lifecycle.Order;

/**
 * The client order ids the exchange gives its orders ({@code sim-<orderId>}), and the order a
 * Query Order's {@code origClientOrderId} names.
 */
final class ClientOrderIds {

	private static final String PREFIX = "sim-";

	private ClientOrderIds() {
	}

	static String of(long orderId) {
		return PREFIX + orderId;
	}

	/** The order's own client order id (the exchange's closes have theirs), else the one this exchange gives. */
	static String of(Order order) {
		return order.clientOrderId() != null ? order.clientOrderId() : of(order.orderId());
	}

	/** The orderId a client order id names, if it is one this exchange gave. */
	static OptionalLong orderIdOf(String clientOrderId) {
		if (!clientOrderId.startsWith(PREFIX)) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(clientOrderId.substring(PREFIX.length())));
		}
		catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}
}
