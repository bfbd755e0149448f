package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSnapshot;

/**
 * Everything the simulated exchange knows about one account: its whole history up to
 * {@code end} and its positions at {@code end}. Lists are sorted: fills by (symbol, id),
 * orders and their terms by (symbol, orderId), income by (time, tranId).
 * {@code orderTerms} and {@code markPrices} may be empty (hand-made accounts): the exchange
 * then derives plausible values from the fills.
 */
public record SimulatedAccount(List<SymbolSpec> symbols, List<Fill> fills, List<Order> orders,
		List<IncomeRecord> income, List<PositionSnapshot> positions, boolean dualSidePosition, Instant end,
		List<OrderTerms> orderTerms, Map<String, BigDecimal> markPrices) {

	public SimulatedAccount {
		symbols = List.copyOf(symbols);
		fills = List.copyOf(fills);
		orders = List.copyOf(orders);
		income = List.copyOf(income);
		positions = List.copyOf(positions);
		orderTerms = List.copyOf(orderTerms);
		markPrices = Map.copyOf(markPrices);
	}

	/** An account without order terms or mark prices. */
	public SimulatedAccount(List<SymbolSpec> symbols, List<Fill> fills, List<Order> orders, List<IncomeRecord> income,
			List<PositionSnapshot> positions, boolean dualSidePosition, Instant end) {
		this(symbols, fills, orders, income, positions, dualSidePosition, end, List.of(), Map.of());
	}
}
