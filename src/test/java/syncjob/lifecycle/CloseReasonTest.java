package syncjob.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
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
		assertThat(reason(orders(OPEN, LIMIT, order(1003, "MARKET", null)), true))
			.isEqualTo(Optional.of(CloseReason.TRADE));
	}

	@Test
	void liquidationByTypeOrByClientId() {
		assertThat(reason(orders(LIMIT, order(1003, "LIQUIDATION", null)), true))
			.isEqualTo(Optional.of(CloseReason.LIQUIDATION));
		assertThat(reason(orders(LIMIT, order(1003, "LIMIT", "autoclose-1596107620040000020")), true))
			.isEqualTo(Optional.of(CloseReason.LIQUIDATION));
		// known even when the other closing order is not served, or orders count as not fetched
		assertThat(reason(orders(order(1003, "LIQUIDATION", null)), true))
			.isEqualTo(Optional.of(CloseReason.LIQUIDATION));
		assertThat(reason(orders(order(1003, "MARKET", "autoclose-7")), false))
			.isEqualTo(Optional.of(CloseReason.LIQUIDATION));
		// and it wins over ADL and settlement
		assertThat(reason(orders(order(1002, "LIMIT", "adl_autoclose"), order(1003, "LIMIT", "autoclose-9")), true))
			.isEqualTo(Optional.of(CloseReason.LIQUIDATION));
	}

	@Test
	void adl() {
		assertThat(reason(orders(LIMIT, order(1003, "LIMIT", "adl_autoclose")), true))
			.isEqualTo(Optional.of(CloseReason.ADL));
		// ADL wins over settlement
		assertThat(reason(orders(order(1002, "LIMIT", "settlement_autoclose-3"), order(1003, "LIMIT", "adl_autoclose")), true))
			.isEqualTo(Optional.of(CloseReason.ADL));
	}

	@Test
	void settlement() {
		assertThat(reason(orders(LIMIT, order(1003, "MARKET", "settlement_autoclose-1700000000")), true))
			.isEqualTo(Optional.of(CloseReason.SETTLEMENT));
	}

	@Test
	void unknownWhenAClosingOrderIsNotServedOrOrdersAreNotFetched() {
		// 1003 not served: an ADL cannot be told from a trade
		assertThat(reason(orders(OPEN, LIMIT), true)).isEqualTo(Optional.empty());
		assertThat(reason(orders(order(1002, "LIMIT", "adl_autoclose")), true)).isEqualTo(Optional.empty());
		assertThat(reason(Map.of(), false)).isEqualTo(Optional.empty());
		assertThat(reason(orders(OPEN, LIMIT, order(1003, "LIMIT", null)), false)).isEqualTo(Optional.empty());
		// the opening order does not matter, served or not
		assertThat(reason(orders(LIMIT, order(1003, "LIMIT", null)), true)).isEqualTo(Optional.of(CloseReason.TRADE));
		assertThat(reason( orders(order(1001, "LIQUIDATION", "autoclose-1"), LIMIT, order(1003, "LIMIT", null)), true))
			.isEqualTo(Optional.of(CloseReason.TRADE));
	}

	@Test
	void anIdMerelyContainingAPrefixIsNoReason() {
		assertThat(reason(orders(order(1002, "LIMIT", "my-autoclose-1"), order(1003, "LIMIT", "x_adl_autoclose")), true))
			.isEqualTo(Optional.of(CloseReason.TRADE));
	}

	@Test
	void ordersOfTodaysShapeHaveNoClientOrderId() {
		Order order = new Order("BTCUSDT", 1, "LIMIT", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE,
				BigDecimal.ONE, Fills.T0, Fills.T0);
		assertThat(order.clientOrderId()).isNull();
		assertThat(order)
			.isEqualTo(new Order("BTCUSDT", 1, "LIMIT", "FILLED", Side.BUY, PositionSide.BOTH, BigDecimal.ONE, BigDecimal.ONE, Fills.T0, Fills.T0, null));
	}

	@Test
	void detailsCarryTheReason() {
		TradeDetails details = Details.details(LIFECYCLE, "USDT",
				orders(OPEN, LIMIT, order(1003, "LIMIT", "adl_autoclose")), true, MinuteCloses.none(),
				Optional.empty());
		assertThat(details.closeReason()).isEqualTo(CloseReason.ADL);
		assertThat(details.warnings()).isEqualTo(List.of());
	}

	private static Optional<CloseReason> reason(Map<Long, Order> orders, boolean fetched) {
		return CloseReason.of(LIFECYCLE, orders, fetched);
	}
}
