package syncjob.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static syncjob.lifecycle.Details.order;
import static syncjob.lifecycle.Details.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * close_reason of a lifecycle opened by order 1001 and closed by orders 1002 and 1003 (its two
 * closing fills).
 */
class CloseReasonTest {

	private static final Lifecycle LIFECYCLE = Details.closed("BTCUSDT", Fills.of("BTCUSDT")
		.buy("2", "100")
		.sell("1", "90").pnl("-10")
		.sell("1", "80").pnl("-20")
		.list()).get(0);

	private static final Order OPEN = order(1001, "LIMIT", "web_1");

	private static final Order LIMIT = order(1002, "LIMIT", "web_2");

	@Test
	void ordinaryOrdersAreATrade() {
		assertEquals(Optional.of(CloseReason.TRADE), reason(orders(OPEN, LIMIT, order(1003, "MARKET", null)), true));
	}

	@Test
	void liquidationByTypeOrByClientId() {
		assertEquals(Optional.of(CloseReason.LIQUIDATION),
				reason(orders(LIMIT, order(1003, "LIQUIDATION", null)), true));
		assertEquals(Optional.of(CloseReason.LIQUIDATION),
				reason(orders(LIMIT, order(1003, "LIMIT", "autoclose-1596107620040000020")), true));
		// known even when the other closing order is not served, or orders count as not fetched
		assertEquals(Optional.of(CloseReason.LIQUIDATION), reason(orders(order(1003, "LIQUIDATION", null)), true));
		assertEquals(Optional.of(CloseReason.LIQUIDATION),
				reason(orders(order(1003, "MARKET", "autoclose-7")), false));
		// and it wins over ADL and settlement
		assertEquals(Optional.of(CloseReason.LIQUIDATION), reason(orders(order(1002, "LIMIT", "adl_autoclose"),
				order(1003, "LIMIT", "autoclose-9")), true));
	}

	@Test
	void adl() {
		assertEquals(Optional.of(CloseReason.ADL), reason(orders(LIMIT, order(1003, "LIMIT", "adl_autoclose")), true));
		// ADL wins over settlement
		assertEquals(Optional.of(CloseReason.ADL), reason(orders(order(1002, "LIMIT", "settlement_autoclose-3"),
				order(1003, "LIMIT", "adl_autoclose")), true));
	}

	@Test
	void settlement() {
		assertEquals(Optional.of(CloseReason.SETTLEMENT),
				reason(orders(LIMIT, order(1003, "MARKET", "settlement_autoclose-1700000000")), true));
	}

	@Test
	void unknownWhenAClosingOrderIsNotServedOrOrdersAreNotFetched() {
		// 1003 not served: an ADL cannot be told from a trade
		assertEquals(Optional.empty(), reason(orders(OPEN, LIMIT), true));
		assertEquals(Optional.empty(), reason(orders(order(1002, "LIMIT", "adl_autoclose")), true));
		assertEquals(Optional.empty(), reason(Map.of(), false));
		assertEquals(Optional.empty(), reason(orders(OPEN, LIMIT, order(1003, "LIMIT", null)), false));
		// the opening order does not matter, served or not
		assertEquals(Optional.of(CloseReason.TRADE), reason(orders(LIMIT, order(1003, "LIMIT", null)), true));
		assertEquals(Optional.of(CloseReason.TRADE), reason(
				orders(order(1001, "LIQUIDATION", "autoclose-1"), LIMIT, order(1003, "LIMIT", null)), true));
	}

	@Test
	void anIdMerelyContainingAPrefixIsNoReason() {
		assertEquals(Optional.of(CloseReason.TRADE), reason(orders(order(1002, "LIMIT", "my-autoclose-1"),
				order(1003, "LIMIT", "x_adl_autoclose")), true));
	}

	@Test
	void ordersOfTodaysShapeHaveNoClientOrderId() {
		Order order = new Order("BTCUSDT", 1, "LIMIT", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, Fills.T0, Fills.T0);
		assertEquals(null, order.clientOrderId());
		assertEquals(new Order("BTCUSDT", 1, "LIMIT", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, Fills.T0, Fills.T0, null), order);
	}

	@Test
	void detailsCarryTheReason() {
		TradeDetails details = Details.details(LIFECYCLE, "USDT",
				orders(OPEN, LIMIT, order(1003, "LIMIT", "adl_autoclose")), true, MinuteCloses.none(),
				Optional.empty());
		assertEquals(CloseReason.ADL, details.closeReason());
		assertEquals(List.of(), details.warnings());
	}

	private static Optional<CloseReason> reason(Map<Long, Order> orders, boolean fetched) {
		return CloseReason.of(LIFECYCLE, orders, fetched);
	}
}
