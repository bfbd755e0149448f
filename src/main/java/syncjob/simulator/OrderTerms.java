package syncjob.simulator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an order asked for beyond the {@link syncjob.lifecycle.Order} the job reads: its limit
 * price (zero for market-priced types), trigger, trailing terms, time in force and whether it
 * could only reduce the position. allOrders and Query Order render it.
 *
 * @param price the limit price (LIMIT, STOP, TAKE_PROFIT), else zero
 * @param stopPrice the trigger of STOP*, TAKE_PROFIT* and TRAILING_STOP_MARKET orders, else zero
 * @param activatePrice TRAILING_STOP_MARKET only, else null
 * @param priceRate TRAILING_STOP_MARKET only (percent, 0.1 to 10), else null
 * @param timeInForce GTC, GTX (post only) or GTD
 * @param goodTillDate epoch milliseconds when GTD, else 0
 * @param reduceOnly one-way orders that only reduce the position
 */
public record OrderTerms(String symbol, long orderId, BigDecimal price, BigDecimal stopPrice, BigDecimal activatePrice,
		BigDecimal priceRate, String timeInForce, long goodTillDate, boolean reduceOnly) {

	public OrderTerms {
		Objects.requireNonNull(symbol, "symbol");
		Objects.requireNonNull(price, "price");
		Objects.requireNonNull(stopPrice, "stopPrice");
		Objects.requireNonNull(timeInForce, "timeInForce");
	}
}
