package syncjob.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/** The served account, indexed the way the endpoints look it up. */
final class AccountBook {

	/** Binance's order of income rows: by time, then by tranId as a number. */
	static final Comparator<IncomeRecord> INCOME_ORDER = Comparator.comparing(IncomeRecord::time)
		.thenComparing(AccountBook::tranIdNumber)
		.thenComparing(IncomeRecord::tranId);

	private final SimulatedAccount account;

	private final Map<String, SymbolSpec> symbols;

	private final Map<String, List<Fill>> fillsBySymbol;

	private final Map<String, List<Order>> ordersBySymbol;

	private final Map<String, List<Fill>> servedFillsBySymbol;

	private final Map<String, Map<Long, List<Fill>>> fillsByOrder;

	private final Map<String, Map<Long, OrderTerms>> termsByOrder = new TreeMap<>();

	private final List<IncomeRecord> income;

	private final Map<String, Integer> pricePrecision = new ConcurrentHashMap<>();

	private final Map<String, Integer> quantityPrecision = new ConcurrentHashMap<>();

	/** The account this book serves. */
	SimulatedAccount account() {
		return account;
	}

	AccountBook(SimulatedAccount account) {
		this(account, Set.of());
	}

	/** {@code hidden}: fills userTrades does not serve; orders and income still count them. */
	AccountBook(SimulatedAccount account, Set<HiddenFill> hidden) {
		this.account = account;
		this.symbols = account.symbols()
			.stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.fillsBySymbol = groupSorted(account.fills(), Fill::symbol, Comparator.comparingLong(Fill::id));
		this.ordersBySymbol = groupSorted(account.orders(), Order::symbol, Comparator.comparingLong(Order::orderId));
		this.fillsByOrder = new TreeMap<>();
		fillsBySymbol.forEach((symbol, fills) -> fillsByOrder.put(symbol,
				fills.stream().collect(Collectors.groupingBy(Fill::orderId, TreeMap::new, Collectors.toList()))));
		this.servedFillsBySymbol = hidden.isEmpty() ? fillsBySymbol : withoutHidden(fillsBySymbol, hidden);
		account.orderTerms().forEach(terms -> termsByOrder.computeIfAbsent(terms.symbol(), s -> new HashMap<>())
			.put(terms.orderId(), terms));
		List<IncomeRecord> sortedIncome = new ArrayList<>(account.income());
		sortedIncome.sort(INCOME_ORDER);
		this.income = List.copyOf(sortedIncome);
	}

	private static <T> Map<String, List<T>> groupSorted(List<T> items, Function<T, String> symbol,
			Comparator<T> order) {
		Map<String, List<T>> grouped = new TreeMap<>();
		for (T item : items) {
			grouped.computeIfAbsent(symbol.apply(item), s -> new ArrayList<>()).add(item);
		}
		grouped.replaceAll((s, list) -> list.stream().sorted(order).toList());
		return grouped;
	}

	private static Map<String, List<Fill>> withoutHidden(Map<String, List<Fill>> fills, Set<HiddenFill> hidden) {
		Map<String, List<Fill>> served = new TreeMap<>();
		fills.forEach((symbol, list) -> served.put(symbol,
				list.stream().filter(f -> !hidden.contains(new HiddenFill(symbol, f.id()))).toList()));
		return served;
	}

	private static BigInteger tranIdNumber(IncomeRecord record) {
		try {
			return new BigInteger(record.tranId());
		}
		catch (NumberFormatException e) {
			return BigInteger.ZERO;
		}
	}

	List<SymbolSpec> symbols() {
		return List.copyOf(symbols.values());
	}

	Optional<SymbolSpec> symbol(String name) {
		return Optional.ofNullable(symbols.get(name));
	}

	/** The symbol named, which must be listed (Binance: -1121). */
	SymbolSpec listedSymbol(String name) {
		return symbol(name).orElseThrow(ExchangeError::invalidSymbol);
	}

	/** Every fill of the symbol, by id, lost ones included. */
	List<Fill> fills(String symbol) {
		return fillsBySymbol.getOrDefault(symbol, List.of());
	}

	/** The fills userTrades serves, by id: all but the hidden ones. */
	List<Fill> servedFills(String symbol) {
		return servedFillsBySymbol.getOrDefault(symbol, List.of());
	}

	List<Order> orders(String symbol) {
		return ordersBySymbol.getOrDefault(symbol, List.of());
	}

	Optional<Order> order(String symbol, long orderId) {
		List<Order> orders = orders(symbol);
		int low = 0;
		int high = orders.size() - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			long id = orders.get(mid).orderId();
			if (id == orderId) {
				return Optional.of(orders.get(mid));
			}
			if (id < orderId) {
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return Optional.empty();
	}

	/**
	 * The order's terms; for an account without them, what the fills imply: a limit-priced type
	 * at its first fill's price, nothing else set.
	 */
	OrderTerms terms(Order order) {
		OrderTerms terms = termsByOrder.getOrDefault(order.symbol(), Map.of()).get(order.orderId());
		if (terms != null) {
			return terms;
		}
		List<Fill> fills = fillsOfOrder(order.symbol(), order.orderId());
		boolean limitPriced = order.type().equals("LIMIT") || order.type().equals("STOP")
				|| order.type().equals("TAKE_PROFIT");
		BigDecimal price = limitPriced && !fills.isEmpty() ? fills.get(0).price() : BigDecimal.ZERO;
		return new OrderTerms(order.symbol(), order.orderId(), price, BigDecimal.ZERO, null, null, "GTC", 0, false);
	}

	/** The symbol's mark price at the end; for an account without marks its last fill's price, if any. */
	Optional<BigDecimal> markPrice(String symbol) {
		BigDecimal mark = account.markPrices().get(symbol);
		if (mark != null) {
			return Optional.of(mark);
		}
		List<Fill> fills = fills(symbol);
		return fills.isEmpty() ? Optional.empty() : Optional.of(fills.get(fills.size() - 1).price());
	}

	List<Fill> fillsOfOrder(String symbol, long orderId) {
		return fillsByOrder.getOrDefault(symbol, Map.of()).getOrDefault(orderId, List.of());
	}

	/** All income, in Binance's order. */
	List<IncomeRecord> income() {
		return income;
	}

	/** Income from {@code from} on, in Binance's order: a binary search, since large accounts are paged thousands of times. */
	List<IncomeRecord> incomeFrom(Instant from) {
		int low = 0;
		int high = income.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (income.get(mid).time().isBefore(from)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return income.subList(low, income.size());
	}

	List<PositionSnapshot> positions() {
		return account.positions();
	}

	Optional<PositionSnapshot> position(String symbol, PositionSide side) {
		return account.positions()
			.stream()
			.filter(p -> p.symbol().equals(symbol) && p.positionSide() == side)
			.findFirst();
	}

	boolean dualSidePosition() {
		return account.dualSidePosition();
	}

	/**
	 * Decimal places of the symbol's prices (fills and order prices, triggers, activations) and
	 * quantities (fills and orders) as the account has them (2 and 3 when none): exchangeInfo's
	 * tick and step sizes, so every served figure is a multiple of them.
	 */
	int pricePrecision(String symbol) {
		// cached: allOrders asks once per order row, and a symbol may have 10,000 fills
		return pricePrecision.computeIfAbsent(symbol, s -> maxScale(prices(s), 2));
	}

	int quantityPrecision(String symbol) {
		return quantityPrecision.computeIfAbsent(symbol, s -> maxScale(quantities(s), 3));
	}

	/** Every price of the symbol: fills, and the limit, trigger and activation prices of its orders. */
	List<BigDecimal> prices(String symbol) {
		List<BigDecimal> prices = new ArrayList<>();
		fills(symbol).forEach(f -> prices.add(f.price()));
		termsByOrder.getOrDefault(symbol, Map.of()).values().forEach(t -> {
			prices.add(t.price());
			prices.add(t.stopPrice());
			if (t.activatePrice() != null) {
				prices.add(t.activatePrice());
			}
		});
		return prices;
	}

	/** Every quantity of the symbol: fills, and the original and executed quantities of its orders. */
	List<BigDecimal> quantities(String symbol) {
		List<BigDecimal> quantities = new ArrayList<>();
		fills(symbol).forEach(f -> quantities.add(f.qty()));
		orders(symbol).forEach(o -> {
			if (o.origQty() != null) {
				quantities.add(o.origQty());
			}
			if (o.executedQty() != null) {
				quantities.add(o.executedQty());
			}
		});
		return quantities;
	}

	private static int maxScale(List<BigDecimal> values, int fallback) {
		return values.stream()
			.mapToInt(v -> Math.max(0, v.stripTrailingZeros().scale()))
			.max()
			.orElse(fallback);
	}
}
