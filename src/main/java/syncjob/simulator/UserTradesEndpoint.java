package syncjob.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.Side;

/**
 * {@code GET /fapi/v1/userTrades}: fills of one symbol, ascending by id. {@code fromId}
 * pages by id and excludes times; otherwise a window of at most 7 days, whose first
 * {@code limit} fills are returned. Fills older than the trade retention are gone, and so
 * are hidden fills. With {@code idPagingDays} > 0, paging by id alone reaches back only that
 * many days.
 */
final class UserTradesEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final Retention retention;

	private final int idPagingDays;

	private final TooOldStart tooOldStart;

	private final CommissionSign commissionSign;

	UserTradesEndpoint(AccountBook book, SimulatorOptions options) {
		this.book = book;
		this.retention = options.tradeRetention();
		this.idPagingDays = options.idPagingDays();
		this.tooOldStart = options.tooOldStart();
		this.commissionSign = options.commissionSign();
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		String symbol = book.listedSymbol(params.required("symbol")).symbol();
		OptionalLong fromId = params.number("fromId");
		OptionalLong start = params.number("startTime");
		OptionalLong end = params.number("endTime");
		if (fromId.isPresent() && (start.isPresent() || end.isPresent())) {
			throw ExchangeError.notRequired("fromId");
		}
		int limit = params.bounded("limit", 500, 1, 1000);
		Instant horizon = retention.horizon(serverNow);
		tooOldStart.check(start, horizon);
		if (fromId.isPresent() && idPagingDays > 0) {
			horizon = later(horizon, serverNow.minus(Duration.ofDays(idPagingDays)));
		}
		Instant oldest = horizon;
		Stream<Fill> served = book.servedFills(symbol)
			.stream()
			.filter(f -> !f.time().isBefore(oldest) && !f.time().isAfter(serverNow));
		if (fromId.isPresent()) {
			served = served.filter(f -> f.id() >= fromId.getAsLong());
		}
		else {
			Optional<TimeRange> range = TimeRange.sevenDays(start, end, serverNow.toEpochMilli());
			if (range.isEmpty()) {
				return ExchangeJson.array();
			}
			served = served.filter(f -> range.get().contains(f.time()));
		}
		return render(served.limit(limit).toList());
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private ArrayNode render(List<Fill> fills) {
		ArrayNode rows = ExchangeJson.array();
		for (Fill fill : fills) {
			ObjectNode row = rows.addObject();
			row.put("symbol", fill.symbol());
			row.put("id", fill.id());
			row.put("orderId", fill.orderId());
			row.put("side", fill.side().name());
			ExchangeJson.decimal(row, "price", fill.price());
			ExchangeJson.decimal(row, "qty", fill.qty());
			ExchangeJson.decimal(row, "realizedPnl", fill.realizedPnl());
			ExchangeJson.decimal(row, "quoteQty", fill.price().multiply(fill.qty()));
			ExchangeJson.decimal(row, "commission",
					commissionSign == CommissionSign.PAID_NEGATIVE ? fill.commission().negate() : fill.commission());
			row.put("commissionAsset", fill.commissionAsset());
			ExchangeJson.time(row, "time", fill.time());
			row.put("positionSide", fill.positionSide().name());
			row.put("buyer", fill.side() == Side.BUY);
			row.put("maker", fill.maker());
		}
		return rows;
	}
}
