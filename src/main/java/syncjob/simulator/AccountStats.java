package syncjob.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.StreamKey;

/**
 * {@code --stats}: per-symbol record counts of the served account, and for a window what a
 * sync of it must fetch at the least and what two minimal plans weigh, from which the
 * benchmarks compute their bounds. Counts are of what the exchange serves at the account's
 * end (orders within the order retention, hidden after 3 days when unfilled and closed).
 */
final class AccountStats {

	static final int PAGE = 1000;

	static final int TRADES_WEIGHT = 5;

	static final int ORDERS_WEIGHT = 5;

	static final int QUERY_ORDER_WEIGHT = 1;

	static final int INCOME_WEIGHT = 30;

	static final int POSITIONS_WEIGHT = 5;

	static final long WINDOW_MS = Duration.ofDays(7).toMillis() - 1;

	static final Map<String, String> FORMULAS = Map.of("idPagingWeight",
			"30*pages(window incomeRecords) + 5 + per symbol: 5*pages(fillsSinceFrom) + 5*pages(orders)"
					+ " + (openAtFrom ? 5*max(lookbackWindows, ceil(lookbackFills/1000)) : 0)"
					+ " + (fundingBeforeFrom ? 30 : 0); pages(n) = max(1, ceil(n/1000))",
			"timeWindowWeight",
			"30*pages(window incomeRecords) + 5 + per symbol: 5*fillWindowCalls"
					+ " + min(5*orderWindowCalls, 1*neededOrders) + (fundingBeforeFrom ? 30 : 0);"
					+ " windowCalls = sum over the fewest windows shorter than 7 days covering the needed"
					+ " records' times of ceil(records in the window/1000)");

	private AccountStats() {
	}

	static void write(SimulatedAccount account, SimulatorOptions options, int windowDays, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, of(account, options, windowDays));
		}
	}

	static Map<String, Object> of(SimulatedAccount account, SimulatorOptions options, int windowDays) {
		Instant now = account.end();
		Instant orderHorizon = options.orderRetention().horizon(now);
		Map<String, Map<String, Object>> bySymbol = new TreeMap<>();
		account.symbols().forEach(s -> bySymbol.put(s.symbol(), new LinkedHashMap<>(Map.of("fills", 0L, "orders", 0L))));
		account.fills().forEach(f -> bySymbol.get(f.symbol()).merge("fills", 1L, (a, b) -> (Long) a + (Long) b));
		account.orders().stream()
			.filter(o -> OrderVisibility.served(o, now, orderHorizon))
			.forEach(o -> bySymbol.get(o.symbol()).merge("orders", 1L, (a, b) -> (Long) a + (Long) b));
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("end", now.toString());
		stats.put("incomeRecords", account.income().size());
		Map<Long, Long> incomeByHour = new TreeMap<>();
		account.income().forEach(r -> incomeByHour.merge(r.time().getEpochSecond() / 3600, 1L, Long::sum));
		stats.put("incomeByEpochHour", incomeByHour);
		stats.put("symbols", bySymbol);
		if (windowDays > 0) {
			stats.put("window", window(account, options, windowDays));
		}
		return stats;
	}

	/**
	 * What a sync of [end - days, end) must fetch at the least, per symbol: the fills from
	 * {@code from} (or from the start of a lifecycle open at {@code from}, within trade
	 * retention), the served orders they reference, the income of the window and, for a
	 * lifecycle open at {@code from}, its funding before it; and the weight of the two plans of
	 * {@link #FORMULAS}.
	 */
	static Map<String, Object> window(SimulatedAccount account, SimulatorOptions options, int days) {
		Instant to = account.end().truncatedTo(ChronoUnit.MILLIS);
		Instant from = to.minus(Duration.ofDays(days));
		Instant tradeHorizon = options.tradeRetention().horizon(to);
		Instant incomeHorizon = options.incomeRetention().horizon(to);
		Instant orderHorizon = options.orderRetention().horizon(to);
		Map<String, List<Fill>> fillsBySymbol = new TreeMap<>();
		account.fills().forEach(f -> fillsBySymbol.computeIfAbsent(f.symbol(), k -> new ArrayList<>()).add(f));
		Map<String, List<Order>> ordersBySymbol = new HashMap<>();
		account.orders().stream()
			.filter(o -> OrderVisibility.served(o, to, orderHorizon))
			.forEach(o -> ordersBySymbol.computeIfAbsent(o.symbol(), k -> new ArrayList<>()).add(o));
		Set<String> synced = syncedSymbols(account, from, to);
		Map<String, Object> symbols = new TreeMap<>();
		long idPaging = 0;
		long timeWindows = 0;
		for (Map.Entry<String, List<Fill>> entry : fillsBySymbol.entrySet()) {
			if (!synced.contains(entry.getKey())) {
				continue;
			}
			Map<String, Object> symbol = symbol(entry.getValue(), ordersBySymbol.getOrDefault(entry.getKey(), List.of()),
					from, tradeHorizon, incomeHorizon);
			idPaging += (Long) symbol.get("idPagingWeight");
			timeWindows += (Long) symbol.get("timeWindowWeight");
			symbols.put(entry.getKey(), symbol);
		}
		long income = account.income().stream().filter(r -> !r.time().isBefore(from) && r.time().isBefore(to)).count();
		long shared = (long) INCOME_WEIGHT * pages(income) + POSITIONS_WEIGHT;
		Map<String, Object> window = new LinkedHashMap<>();
		window.put("from", from.toString());
		window.put("to", to.toString());
		window.put("incomeRecords", income);
		window.put("symbols", symbols);
		window.put("idPagingWeight", shared + idPaging);
		window.put("timeWindowWeight", shared + timeWindows);
		Map<String, Object> klines = KlinesPlanStats.of(account, synced, from, to, tradeHorizon);
		window.put("klinesPlan", klines);
		window.put("klinesWeight", klines.get("weight"));
		Map<String, String> formulas = new TreeMap<>(FORMULAS);
		formulas.put("klinesWeight", KlinesPlanStats.FORMULA);
		window.put("formulas", formulas);
		return window;
	}

	/** Only symbols with trade income (REALIZED_PNL or COMMISSION) in the window are synced. */
	private static Set<String> syncedSymbols(SimulatedAccount account, Instant from, Instant to) {
		return account.income().stream()
			.filter(r -> !r.time().isBefore(from) && r.time().isBefore(to))
			.filter(r -> r.is(IncomeType.REALIZED_PNL) || r.is(IncomeType.COMMISSION))
			.map(IncomeRecord::symbol)
			.collect(Collectors.toSet());
	}

	private static Map<String, Object> symbol(List<Fill> symbolFills, List<Order> servedOrders, Instant from,
			Instant tradeHorizon, Instant incomeHorizon) {
		List<Fill> fills = new ArrayList<>(symbolFills);
		fills.sort(Fill.STREAM_ORDER);
		Instant start = lookbackStart(fills, from);
		Instant earliest = start == null ? from : later(start, tradeHorizon);
		long lookbackWindows = start == null ? 0
				: (Duration.between(earliest, from).toMillis() + TimeRange.SEVEN_DAYS - 1) / TimeRange.SEVEN_DAYS;
		List<Fill> needed = fills.stream().filter(f -> !f.time().isBefore(earliest)).toList();
		long sinceFrom = needed.stream().filter(f -> !f.time().isBefore(from)).count();
		long minOrderId = needed.stream().mapToLong(Fill::orderId).min().orElse(Long.MAX_VALUE);
		long orders = servedOrders.stream().filter(o -> o.orderId() >= minOrderId).count();
		boolean fundingBeforeFrom = start != null && later(start, incomeHorizon).isBefore(from);
		Set<Long> referenced = needed.stream().map(Fill::orderId).collect(Collectors.toSet());
		List<Instant> neededOrderTimes = servedOrders.stream()
			.filter(o -> referenced.contains(o.orderId()) && o.time() != null)
			.map(Order::time)
			.sorted()
			.toList();
		long fillWindowCalls = windowCalls(needed.stream().map(Fill::time).sorted().toList());
		long orderWindowCalls = windowCalls(neededOrderTimes);
		long funding = fundingBeforeFrom ? INCOME_WEIGHT : 0;
		long idPaging = TRADES_WEIGHT * pages(sinceFrom) + ORDERS_WEIGHT * pages(orders) + funding
				+ (start == null ? 0 : TRADES_WEIGHT * Math.max(lookbackWindows, ceilPages(needed.size() - sinceFrom)));
		long orderWeight = Math.min(ORDERS_WEIGHT * orderWindowCalls, QUERY_ORDER_WEIGHT * neededOrderTimes.size());
		Map<String, Object> symbol = new LinkedHashMap<>();
		symbol.put("fillsSinceFrom", sinceFrom);
		symbol.put("lookbackFills", needed.size() - sinceFrom);
		symbol.put("lookbackWindows", lookbackWindows);
		symbol.put("openAtFrom", start != null);
		symbol.put("fundingBeforeFrom", fundingBeforeFrom);
		symbol.put("orders", orders);
		symbol.put("fillWindows", windows(needed.stream().map(Fill::time).sorted().toList()).size());
		symbol.put("fillWindowCalls", fillWindowCalls);
		symbol.put("neededOrders", (long) neededOrderTimes.size());
		symbol.put("orderWindows", windows(neededOrderTimes).size());
		symbol.put("orderWindowCalls", orderWindowCalls);
		symbol.put("idPagingWeight", idPaging);
		symbol.put("timeWindowWeight", TRADES_WEIGHT * fillWindowCalls + orderWeight + funding);
		return symbol;
	}

	/** Calls to fetch records at these sorted times window by window: ceil(n / 1000) per window. */
	static long windowCalls(List<Instant> sortedTimes) {
		return windows(sortedTimes).stream().mapToLong(AccountStats::ceilPages).sum();
	}

	/**
	 * The fewest windows shorter than 7 days ({@code [s, s + 7 days - 1 ms]}, as startTime and
	 * endTime are both inclusive) covering the sorted times, greedily from the first: the
	 * number of records in each.
	 */
	static List<Long> windows(List<Instant> sortedTimes) {
		List<Long> counts = new ArrayList<>();
		long windowEnd = Long.MIN_VALUE;
		for (Instant time : sortedTimes) {
			long millis = time.toEpochMilli();
			if (counts.isEmpty() || millis > windowEnd) {
				counts.add(0L);
				windowEnd = millis + WINDOW_MS;
			}
			counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
		}
		return counts;
	}

	/** Pages of 1000 a plan asks for even when there is nothing: at least one. */
	static long pages(long records) {
		return Math.max(1, ceilPages(records));
	}

	private static long ceilPages(long records) {
		return (records + PAGE - 1) / PAGE;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** The start of the earliest lifecycle open at {@code from} among the symbol's streams, or null. */
	private static Instant lookbackStart(List<Fill> fills, Instant from) {
		Map<StreamKey, BigDecimal> position = new HashMap<>();
		Map<StreamKey, Instant> started = new HashMap<>();
		for (Fill fill : fills) {
			if (!fill.time().isBefore(from)) {
				break;
			}
			BigDecimal before = position.getOrDefault(fill.stream(), BigDecimal.ZERO);
			BigDecimal after = before.add(fill.signedQty());
			if (before.signum() != after.signum() && after.signum() != 0) {
				started.put(fill.stream(), fill.time());
			}
			position.put(fill.stream(), after);
		}
		return position.entrySet()
			.stream()
			.filter(e -> e.getValue().signum() != 0)
			.map(e -> started.get(e.getKey()))
			.min(Instant::compareTo)
			.orElse(null);
	}
}
