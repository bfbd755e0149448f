package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import syncjob.lifecycle.Order;

/**
 * {@code GET /fapi/v1/allOrders}: orders of one symbol, ascending by orderId. With
 * {@code orderId}, orders from that id on; otherwise the most recent {@code limit} orders of
 * a window of at most 7 days (Binance's documented behaviour). Orders older than the order
 * retention are gone, and so are CANCELED or EXPIRED orders without a fill after 3 days.
 * With {@code idPagingDays} > 0, paging by orderId alone reaches back only that many days.
 */
final class AllOrdersEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final OrderRows rows;

	private final Retention retention;

	private final int idPagingDays;

	private final TooOldStart tooOldStart;

	AllOrdersEndpoint(AccountBook book, SimulatorOptions options) {
		this.book = book;
		this.rows = new OrderRows(book);
		this.retention = options.orderRetention();
		this.idPagingDays = options.idPagingDays();
		this.tooOldStart = options.tooOldStart();
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		String symbol = book.listedSymbol(params.required("symbol")).symbol();
		OptionalLong orderId = params.number("orderId");
		OptionalLong start = params.number("startTime");
		OptionalLong end = params.number("endTime");
		int limit = params.bounded("limit", 500, 1, 1000);
		Instant horizon = retention.horizon(serverNow);
		tooOldStart.check(start, horizon);
		boolean timeBound = orderId.isEmpty() || start.isPresent() || end.isPresent();
		Instant idPagingFrom = !timeBound && idPagingDays > 0 ? serverNow.minus(Duration.ofDays(idPagingDays))
				: Instant.MIN;
		Stream<Order> served = book.orders(symbol)
			.stream()
			.filter(o -> OrderVisibility.served(o, serverNow, horizon))
			.filter(o -> o.time() == null || !o.time().isBefore(idPagingFrom));
		if (timeBound) {
			Optional<TimeRange> range = TimeRange.sevenDays(start, end, serverNow.toEpochMilli());
			if (range.isEmpty()) {
				return ExchangeJson.array();
			}
			served = served.filter(o -> o.time() != null && range.get().contains(o.time()));
		}
		if (orderId.isPresent()) {
			return render(served.filter(o -> o.orderId() >= orderId.getAsLong()).limit(limit).toList());
		}
		List<Order> all = served.toList();
		return render(all.subList(Math.max(0, all.size() - limit), all.size()));
	}

	private ArrayNode render(List<Order> orders) {
		ArrayNode array = ExchangeJson.array();
		orders.forEach(order -> array.add(rows.row(order)));
		return array;
	}
}
