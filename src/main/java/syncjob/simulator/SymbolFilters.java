package syncjob.simulator;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A symbol's trading rules as exchangeInfo lists them, derived from the account so that every
 * served figure obeys them: tick and step sizes are the finest decimal places of its prices and
 * quantities, the maximum price and quantity the power of ten at or above ten times the largest
 * seen. MIN_NOTIONAL (5) binds orders that open or add; Binance exempts reduce-only orders and
 * the generator's closing orders may be smaller. PERCENT_PRICE allows limit prices 5% either
 * side of the mark.
 */
final class SymbolFilters {

	static final BigDecimal MIN_NOTIONAL = new BigDecimal("5");

	static final int MAX_NUM_ORDERS = 200;

	private SymbolFilters() {
	}

	static ArrayNode of(AccountBook book, String symbol) {
		BigDecimal tick = BigDecimal.ONE.movePointLeft(book.pricePrecision(symbol));
		BigDecimal step = BigDecimal.ONE.movePointLeft(book.quantityPrecision(symbol));
		BigDecimal maxPrice = tenfoldCeiling(book.prices(symbol));
		BigDecimal maxQty = tenfoldCeiling(book.quantities(symbol));
		ArrayNode filters = ExchangeJson.array();
		ObjectNode price = filter(filters, "PRICE_FILTER");
		ExchangeJson.decimal(price, "minPrice", tick);
		ExchangeJson.decimal(price, "maxPrice", maxPrice);
		ExchangeJson.decimal(price, "tickSize", tick);
		ObjectNode lot = filter(filters, "LOT_SIZE");
		ExchangeJson.decimal(lot, "minQty", step);
		ExchangeJson.decimal(lot, "maxQty", maxQty);
		ExchangeJson.decimal(lot, "stepSize", step);
		ObjectNode marketLot = filter(filters, "MARKET_LOT_SIZE");
		ExchangeJson.decimal(marketLot, "minQty", step);
		ExchangeJson.decimal(marketLot, "maxQty", maxQty);
		ExchangeJson.decimal(marketLot, "stepSize", step);
		filter(filters, "MAX_NUM_ORDERS").put("limit", MAX_NUM_ORDERS);
		ExchangeJson.decimal(filter(filters, "MIN_NOTIONAL"), "notional", MIN_NOTIONAL);
		ObjectNode percent = filter(filters, "PERCENT_PRICE");
		percent.put("multiplierUp", "1.0500");
		percent.put("multiplierDown", "0.9500");
		percent.put("multiplierDecimal", "4");
		return filters;
	}

	private static ObjectNode filter(ArrayNode filters, String type) {
		ObjectNode filter = filters.addObject();
		filter.put("filterType", type);
		return filter;
	}

	/** The smallest power of ten at or above ten times the largest value (1000 when there is none). */
	static BigDecimal tenfoldCeiling(List<BigDecimal> values) {
		BigDecimal largest = values.stream().max(BigDecimal::compareTo).orElse(new BigDecimal("100"));
		BigDecimal bound = BigDecimal.ONE;
		BigDecimal target = largest.multiply(BigDecimal.TEN);
		while (bound.compareTo(target) < 0) {
			bound = bound.multiply(BigDecimal.TEN);
		}
		return bound;
	}
}
