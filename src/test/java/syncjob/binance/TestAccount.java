package syncjob.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;
import syncjob.simulator.SimulatedAccount;
import syncjob.simulator.SymbolSpec;

/**
 * A hand-built account for the simulated exchange, holding only what a client test needs:
 * fills at a price of 100 with a fee of 0.01 USDT (each with its FILLED market order), income,
 * and today's positions. Every symbol named is listed, quoted in USDT.
 */
final class TestAccount {

	private final Set<String> symbols = new TreeSet<>();

	private final List<Fill> fills = new ArrayList<>();

	private final List<Order> orders = new ArrayList<>();

	private final List<IncomeRecord> income = new ArrayList<>();

	private final List<PositionSnapshot> positions = new ArrayList<>();

	/** Binance's tranIds are 19-digit numbers. */
	private long nextTranId = 8_000_000_000_000_000_000L;

	TestAccount symbol(String symbol) {
		symbols.add(symbol);
		return this;
	}

	/** A fill whose order id is ten times its id. */
	Fill fill(String symbol, long id, Instant time, Side side, PositionSide positionSide, String qty) {
		symbol(symbol);
		Fill fill = new Fill(symbol, id, id * 10, side, positionSide, new BigDecimal("100"), new BigDecimal(qty),
				BigDecimal.ZERO, new BigDecimal("0.01"), "USDT", time, false);
		fills.add(fill);
		orders.add(new Order(symbol, fill.orderId(), "MARKET", "FILLED", side, positionSide, fill.qty(), fill.qty(),
				time, time));
		return fill;
	}

	/** An income record with the next tranId. */
	IncomeRecord income(String symbol, String type, String amount, Instant time, String tradeId) {
		symbol(symbol);
		IncomeRecord record = new IncomeRecord(symbol, type, new BigDecimal(amount), "USDT", time,
				Long.toString(nextTranId++), tradeId, "");
		income.add(record);
		return record;
	}

	TestAccount position(String symbol, PositionSide side, String amount, Instant updated) {
		symbol(symbol);
		positions.add(new PositionSnapshot(symbol, side, new BigDecimal(amount), new BigDecimal("100"), updated));
		return this;
	}

	/** The account as the exchange serves it; the exchange orders every list itself. */
	SimulatedAccount build(Instant end) {
		List<SymbolSpec> specs = symbols.stream()
			.map(symbol -> new SymbolSpec(symbol, symbol.replace("USDT", ""), "USDT"))
			.toList();
		return new SimulatedAccount(specs, fills, orders, income, positions, false, end);
	}
}
