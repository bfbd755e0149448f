package syncjob.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /fapi/v1/exchangeInfo}: the rate limits in force and the listed perpetuals. */
final class ExchangeInfoEndpoint implements EndpointHandler {

	private final AccountBook book;

	private final int weightLimit;

	ExchangeInfoEndpoint(AccountBook book, int weightLimit) {
		this.book = book;
		this.weightLimit = weightLimit;
	}

	@Override
	public JsonNode respond(QueryParams params, Instant serverNow) {
		ObjectNode info = ExchangeJson.object();
		info.put("timezone", "UTC");
		info.put("serverTime", serverNow.toEpochMilli());
		info.put("futuresType", "U_MARGINED");
		ArrayNode limits = info.putArray("rateLimits");
		limits.add(rateLimit("REQUEST_WEIGHT", "MINUTE", 1, weightLimit));
		limits.add(rateLimit("ORDERS", "MINUTE", 1, 1200));
		limits.add(rateLimit("ORDERS", "SECOND", 10, 300));
		info.putArray("exchangeFilters");
		ArrayNode symbols = info.putArray("symbols");
		for (SymbolSpec spec : book.symbols()) {
			ObjectNode symbol = symbols.addObject();
			symbol.put("symbol", spec.symbol());
			symbol.put("pair", spec.symbol());
			symbol.put("contractType", "PERPETUAL");
			symbol.put("status", "TRADING");
			symbol.put("baseAsset", spec.baseAsset());
			symbol.put("quoteAsset", spec.quoteAsset());
			symbol.put("marginAsset", spec.quoteAsset());
			symbol.put("pricePrecision", book.pricePrecision(spec.symbol()));
			symbol.put("quantityPrecision", book.quantityPrecision(spec.symbol()));
		}
		return info;
	}

	private static ObjectNode rateLimit(String type, String interval, int intervalNum, int limit) {
		ObjectNode node = ExchangeJson.object();
		node.put("rateLimitType", type);
		node.put("interval", interval);
		node.put("intervalNum", intervalNum);
		node.put("limit", limit);
		return node;
	}
}
