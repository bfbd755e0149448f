package syncjob.testing;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SymbolSpec;

/** Edits of a generated account for tests that need a hand-made symbol beside generated ones. */
public final class Accounts {

	private Accounts() {
	}

	/** The account with one more symbol and its records, every list kept in the exchange's order. */
	public static SimulatedAccount withSymbol(SimulatedAccount account, SymbolSpec symbol, List<Fill> fills,
			List<Order> orders, List<IncomeRecord> income) {
		return new SimulatedAccount(
				Stream.concat(account.symbols().stream(), Stream.of(symbol))
					.sorted(Comparator.comparing(SymbolSpec::symbol))
					.toList(),
				Stream.concat(account.fills().stream(), fills.stream())
					.sorted(Comparator.comparing(Fill::symbol).thenComparingLong(Fill::id))
					.toList(),
				Stream.concat(account.orders().stream(), orders.stream())
					.sorted(Comparator.comparing(Order::symbol).thenComparingLong(Order::orderId))
					.toList(),
				Stream.concat(account.income().stream(), income.stream())
					.sorted(Comparator.comparing(IncomeRecord::time).thenComparing(IncomeRecord::tranId))
					.toList(),
				account.positions(), account.dualSidePosition(), account.end());
	}

}
