package syncjob.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	private final Map<String, Map<Long, List<Fill>>> fillsByOrder;

	private final List<IncomeRecord> income;

	private final Map<String, Integer> pricePrecision = new ConcurrentHashMap<>();

	private final Map<String, Integer> quantityPrecision = new ConcurrentHashMap<>();

	AccountBook(SimulatedAccount account) {
		this.account = account;
		this.symbols = account.symbols()
			.stream()
			.collect(Collectors.toMap(SymbolSpec::symbol, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.fillsBySymbol = groupSorted(account.fills(), Fill::symbol, Comparator.comparingLong(Fill::id));
		this.ordersBySymbol = groupSorted(account.orders(), Order::symbol, Comparator.comparingLong(Order::orderId));
		this.fillsByOrder = new TreeMap<>();
		fillsBySymbol.forEach((symbol, fills) -> fillsByOrder.put(symbol,
				fills.stream().collect(Collectors.groupingBy(Fill::orderId, TreeMap::new, Collectors.toList()))));
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

	List<Fill> fills(String symbol) {
		return fillsBySymbol.getOrDefault(symbol, List.of());
	}

	List<Order> orders(String symbol) {
		return ordersBySymbol.getOrDefault(symbol, List.of());
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

	/** Decimal places of the symbol's prices and quantities as seen in its fills (2 and 3 when none). */
	int pricePrecision(String symbol) {
		// cached: allOrders asks once per order row, and a symbol may have 10,000 fills
		return pricePrecision.computeIfAbsent(symbol, s -> maxScale(fills(s).stream().map(Fill::price).toList(), 2));
	}

	int quantityPrecision(String symbol) {
		return quantityPrecision.computeIfAbsent(symbol, s -> maxScale(fills(s).stream().map(Fill::qty).toList(), 3));
	}

	private static int maxScale(List<BigDecimal> values, int fallback) {
		return values.stream()
			.mapToInt(v -> Math.max(0, v.stripTrailingZeros().scale()))
			.max()
			.orElse(fallback);
	}
}
