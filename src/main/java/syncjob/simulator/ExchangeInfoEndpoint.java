package syncjob.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /fapi/v1/exchangeInfo}: the rate limits in force and the listed perpetuals with their filters. */
final class ExchangeInfoEndpoint implements EndpointHandler {

	private static final List<String> ORDER_TYPES = List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT",
			"TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");

	private static final List<String> TIME_IN_FORCE = List.of("GTC", "IOC", "FOK", "GTX", "GTD");

	private final AccountBook book;

	private final int weightLimit;

	private final Map<String, ArrayNode> filters = new ConcurrentHashMap<>();

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
			// derived from every price and quantity of the symbol once; the account never changes
			symbol.set("filters", filters.computeIfAbsent(spec.symbol(), name -> SymbolFilters.of(book, name)));
			ArrayNode orderTypes = symbol.putArray("orderTypes");
			ORDER_TYPES.forEach(orderTypes::add);
			ArrayNode timeInForce = symbol.putArray("timeInForce");
			TIME_IN_FORCE.forEach(timeInForce::add);
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
