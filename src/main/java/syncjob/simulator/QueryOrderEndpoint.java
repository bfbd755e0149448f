package syncjob.simulator;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import syncjob.lifecycle.Order;

/**
 * {@code GET /fapi/v1/order} (Query Order): one order by {@code orderId} (which prevails) or
 * {@code origClientOrderId}, rendered as allOrders renders it, under the same retention rules;
 * {@code -2013 Order does not exist.} for anything else.
 */
final class QueryOrderEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final OrderRows rows;

	private final Retention retention;

	QueryOrderEndpoint(AccountBook book, SimulatorOptions options) {
		this.book = book;
		this.rows = new OrderRows(book);
		this.retention = options.orderRetention();
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		String symbol = book.listedSymbol(params.required("symbol")).symbol();
		OptionalLong orderId = params.number("orderId");
		Optional<String> clientOrderId = params.text("origClientOrderId");
		if (orderId.isEmpty() && clientOrderId.isEmpty()) {
			throw ExchangeError.orderIdOrClientOrderIdMissing();
		}
		OptionalLong id = orderId.isPresent() ? orderId : ClientOrderIds.orderIdOf(clientOrderId.get());
		if (id.isEmpty()) {
			// a client order id the exchange's own close carries (autoclose-...): the first order with it
			id = book.orders(symbol).stream().filter(o -> clientOrderId.get().equals(o.clientOrderId()))
				.mapToLong(Order::orderId).findFirst();
		}
		Instant horizon = retention.horizon(serverNow);
		Order order = (id.isPresent() ? book.order(symbol, id.getAsLong()) : Optional.<Order>empty())
			.filter(o -> OrderVisibility.served(o, serverNow, horizon))
			.orElseThrow(ExchangeError::orderDoesNotExist);
		return rows.row(order);
	}
}
