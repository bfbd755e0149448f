package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;

/** Hand-built accounts for the exchange server's tests. */
final class ExchangeAccountFixture {

	static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

	private final List<SymbolSpec> symbols = new ArrayList<>();

	private final List<Fill> fills = new ArrayList<>();

	private final List<Order> orders = new ArrayList<>();

	private final List<IncomeRecord> income = new ArrayList<>();

	private final List<PositionSnapshot> positions = new ArrayList<>();

	private final List<OrderTerms> terms = new ArrayList<>();

	private final Map<String, BigDecimal> marks = new HashMap<>();

	private boolean hedge;

	static ExchangeAccountFixture account() {
		return new ExchangeAccountFixture().symbol("BTCUSDT").symbol("ETHUSDT");
	}

	ExchangeAccountFixture symbol(String symbol) {
		symbols.add(new SymbolSpec(symbol, symbol.replace("USDT", ""), "USDT"));
		return this;
	}

	ExchangeAccountFixture hedge() {
		hedge = true;
		return this;
	}

	/** A BUY fill of 0.010 at 50000.10 with its MARKET order (orderId = id + 1000). */
	ExchangeAccountFixture fill(String symbol, long id, Instant time) {
		return fill(symbol, id, time, "MARKET");
	}

	/** The same fill, with an order of the type given; a LIMIT order's fill is a maker fill. */
	ExchangeAccountFixture fill(String symbol, long id, Instant time, String orderType) {
		fills.add(new Fill(symbol, id, id + 1000, Side.BUY, PositionSide.BOTH, new BigDecimal("50000.10"),
				new BigDecimal("0.010"), new BigDecimal("1.5"), new BigDecimal("0.20000010"), "USDT", time,
				orderType.equals("LIMIT")));
		orders.add(new Order(symbol, id + 1000, orderType, "FILLED", Side.BUY, PositionSide.BOTH, new BigDecimal("0.010"),
				new BigDecimal("0.010"), time, time.plusMillis(5)));
		return this;
	}

	/** {@code count} fills with ids from {@code firstId}, one every {@code step} from {@code start}. */
	ExchangeAccountFixture fills(String symbol, long firstId, int count, Instant start, Duration step) {
		for (int i = 0; i < count; i++) {
			fill(symbol, firstId + i, start.plus(step.multipliedBy(i)));
		}
		return this;
	}

	ExchangeAccountFixture order(String symbol, long orderId, Instant time) {
		orders.add(new Order(symbol, orderId, "MARKET", "FILLED", Side.BUY, PositionSide.BOTH, new BigDecimal("0.010"),
				new BigDecimal("0.010"), time, time.plusMillis(5)));
		return this;
	}

	/** An order of 0.010 of the given type and status, {@code executed} of it filled (no fill records). */
	ExchangeAccountFixture order(String symbol, long orderId, Instant time, String type, String status,
			String executed) {
		orders.add(new Order(symbol, orderId, type, status, Side.SELL, PositionSide.BOTH, new BigDecimal("0.010"),
				new BigDecimal(executed), time, time.plusSeconds(30)));
		return this;
	}

	ExchangeAccountFixture terms(OrderTerms orderTerms) {
		terms.add(orderTerms);
		return this;
	}

	ExchangeAccountFixture mark(String symbol, String price) {
		marks.put(symbol, new BigDecimal(price));
		return this;
	}

	ExchangeAccountFixture income(String symbol, String type, String amount, Instant time, long tranId) {
		income.add(new IncomeRecord(symbol, type, new BigDecimal(amount), "USDT", time, Long.toString(tranId),
				type.equals(IncomeType.FUNDING_FEE) ? "" : Long.toString(tranId + 7), ""));
		return this;
	}

	/** {@code count} REALIZED_PNL records with tranIds from {@code firstTranId}, one every {@code step}. */
	ExchangeAccountFixture incomes(String symbol, long firstTranId, int count, Instant start, Duration step) {
		for (int i = 0; i < count; i++) {
			income(symbol, IncomeType.REALIZED_PNL, "1.25", start.plus(step.multipliedBy(i)), firstTranId + i);
		}
		return this;
	}

	ExchangeAccountFixture position(String symbol, PositionSide side, String amount, String entryPrice) {
		positions.add(new PositionSnapshot(symbol, side, new BigDecimal(amount), new BigDecimal(entryPrice),
				NOW.minusSeconds(60)));
		return this;
	}

	SimulatedAccount build() {
		return new SimulatedAccount(symbols, fills, orders, income, positions, hedge, NOW, terms, marks);
	}
}
