package syncjob.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import syncjob.lifecycle.IncomeRecord;

/**
 * {@code GET /fapi/v1/income}: income ascending by time then tranId, paged by {@code page}
 * (1-based) of {@code limit} rows. Without times the last 7 days; income older than the
 * income retention (three calendar months on Binance, up to 92 days) is gone.
 */
final class IncomeEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final Retention retention;

	private final TooOldStart tooOldStart;

	IncomeEndpoint(AccountBook book, SimulatorOptions options) {
		this.book = book;
		this.retention = options.incomeRetention();
		this.tooOldStart = options.tooOldStart();
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		Optional<String> symbol = params.text("symbol");
		symbol.ifPresent(book::listedSymbol);
		Optional<String> incomeType = params.text("incomeType");
		OptionalLong start = params.number("startTime");
		TimeRange range = TimeRange.unbounded(start, params.number("endTime"), serverNow.toEpochMilli());
		int limit = params.bounded("limit", 100, 1, 1000);
		int page = params.bounded("page", 1, 1, Integer.MAX_VALUE);
		Instant oldest = retention.horizon(serverNow);
		tooOldStart.check(start, oldest);
		Instant first = range.fromMillis() > oldest.toEpochMilli() ? Instant.ofEpochMilli(range.fromMillis()) : oldest;
		long last = Math.min(range.toMillis(), serverNow.toEpochMilli());
		List<IncomeRecord> rows = book.incomeFrom(first)
			.stream()
			.takeWhile(r -> r.time().toEpochMilli() <= last)
			.filter(r -> range.contains(r.time()))
			.filter(r -> symbol.isEmpty() || symbol.get().equals(r.symbol()))
			.filter(r -> incomeType.isEmpty() || incomeType.get().equals(r.incomeType()))
			.skip((long) (page - 1) * limit)
			.limit(limit)
			.toList();
		return render(rows);
	}

	private static ArrayNode render(List<IncomeRecord> records) {
		ArrayNode rows = ExchangeJson.array();
		for (IncomeRecord record : records) {
			ObjectNode row = rows.addObject();
			row.put("symbol", record.symbol());
			row.put("incomeType", record.incomeType());
			ExchangeJson.decimal(row, "income", record.income());
			row.put("asset", record.asset());
			row.put("info", record.info());
			ExchangeJson.time(row, "time", record.time());
			ExchangeJson.numericId(row, "tranId", record.tranId());
			row.put("tradeId", record.tradeId());
		}
		return rows;
	}
}
