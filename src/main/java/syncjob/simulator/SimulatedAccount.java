package syncjob.simulator;

import java.time.Instant;
import java.util.List;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSnapshot;

/**
 * Everything the simulated exchange knows about one account: its whole history up to
 * {@code end} and its positions at {@code end}. Lists are sorted: fills by (symbol, id),
 * orders by (symbol, orderId), income by (time, tranId).
 */
public record SimulatedAccount(List<SymbolSpec> symbols, List<Fill> fills, List<Order> orders,
		List<IncomeRecord> income, List<PositionSnapshot> positions, boolean dualSidePosition, Instant end) {

	public SimulatedAccount {
		symbols = List.copyOf(symbols);
		fills = List.copyOf(fills);
		orders = List.copyOf(orders);
		income = List.copyOf(income);
		positions = List.copyOf(positions);
	}
}
