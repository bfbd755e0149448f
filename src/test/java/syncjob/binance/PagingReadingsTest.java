package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.Side;
import syncjob.lifecycle.StreamKey;
import syncjob.simulator.AccountGenerator;
import syncjob.simulator.GeneratorConfig;
import syncjob.simulator.RequestLogEntry;
import syncjob.simulator.SimulatedAccount;

/**
 * The fill and order plans ({@link FillPlan}, {@link OrderPlan}, paging through
 * {@link TradePager}) against each reading of how far back an id-only request reaches: the whole
 * retention (0), 30 days, 7 days. Whatever the reading, the client gets exactly the fills and
 * orders the generated account holds; only the weight differs, which is printed, not asserted.
 */
class PagingReadingsTest {

	private static final long SEED = 20260601;

	/** 120 days of four symbols, ending when the exchange's clock starts. */
	private static final SimulatedAccount ACCOUNT = AccountGenerator
		.generate(GeneratorConfig.of(SEED, 4, 120, SimulatedBinance.START));

	/** Fills since then are 0 to 88 days old (some beyond either shorter reach); the lookback passes the order retention. */
	private static final Duration WINDOW = Duration.ofDays(88);

	private static final Duration ORDER_RETENTION = Duration.ofDays(90);

	private SimulatedBinance exchange;

	@AfterEach
	void stop() throws Exception {
		if (exchange != null) {
			exchange.close();
		}
	}

	@ParameterizedTest(name = "id-only paging reaches {0} days (0: all)")
	@ValueSource(ints = { 0, 30, 7 })
	void everyReadingGetsExactlyTheAccountsFillsAndOrders(int idPagingDays) {
		// given
		exchange = SimulatedBinance.serving(ACCOUNT, options -> options.idPagingDays(idPagingDays));
		BinanceClient client = exchange.client();
		Instant now = exchange.now();
		Instant from = now.minus(WINDOW);
		Map<StreamKey, BigDecimal> positions = new HashMap<>();
		for (PositionSnapshot position : ACCOUNT.positions()) {
			positions.put(position.stream(), position.positionAmt());
		}
		int fillWeight = 0;
		int orderWeight = 0;
		int fillCount = 0;
		int notServedCount = 0;

		for (String symbol : symbols()) {
			// when
			SymbolFills fills = client.fills(new SymbolRequest(symbol, from, now, now, positions,
					windowIncome(symbol, from, now)));
			Map<Long, Instant> needed = new TreeMap<>();
			fills.fills().forEach(fill -> needed.merge(fill.orderId(), fill.time(), (a, b) -> a.isBefore(b) ? a : b));
			ServedOrders orders = client.orders(symbol, needed, now);
			fillWeight += fills.weight();
			orderWeight += orders.weight();
			fillCount += fills.fills().size();
			notServedCount += orders.notServed().size();

			// then every fill since from, and before it every fill since the start of the earliest lifecycle open at from
			List<Fill> truth = ACCOUNT.fills().stream().filter(fill -> fill.symbol().equals(symbol)).toList();
			assertThat(fills.fills()).as("%s, reading %d, seed %d", symbol, idPagingDays, SEED)
				.filteredOn(fill -> !fill.time().isBefore(from))
				.containsExactlyInAnyOrderElementsOf(between(truth, from, now));
			assertThat(fills.fills()).as("%s lookback, reading %d", symbol, idPagingDays)
				.filteredOn(fill -> fill.time().isBefore(from))
				.containsExactlyInAnyOrderElementsOf(between(truth, earliestOpenAt(from, truth, positions), from));
			assertThat(fills.lookbackIncomplete()).isFalse();
			// and the orders of those fills as far as Binance keeps orders, the others named as not served
			Map<Long, Order> truthOrders = ACCOUNT.orders().stream()
				.filter(order -> order.symbol().equals(symbol) && needed.containsKey(order.orderId()))
				.collect(Collectors.toMap(Order::orderId, order -> order));
			Instant orderHorizon = now.minus(ORDER_RETENTION);
			// (the exchange adds a client order id the generated account leaves out)
			assertThat(orders.byId().values()).as("%s orders, reading %d", symbol, idPagingDays)
				.usingRecursiveFieldByFieldElementComparatorIgnoringFields("clientOrderId")
				.containsExactlyInAnyOrderElementsOf(truthOrders.values().stream()
					.filter(order -> !order.time().isBefore(orderHorizon))
					.toList());
			assertThat(orders.notServed()).as("%s orders not served, reading %d", symbol, idPagingDays)
				.containsExactlyInAnyOrderElementsOf(needed.keySet().stream()
					.filter(id -> !truthOrders.containsKey(id) || truthOrders.get(id).time().isBefore(orderHorizon))
					.collect(Collectors.toSet()));
			if (idPagingDays == 0) {
				assertThat(fills.notes()).as("%s: id-only paging reaches every fill", symbol).isEmpty();
				assertThat(timeWindowsBeyondThePlans(symbol, from, between(truth, from, now)))
					.as("%s: time windows where pages by id serve", symbol)
					.isEmpty();
			}
		}

		System.out.printf("id-only paging reaching %s: %d fills for weight %d, orders (%d not served) for weight %d;"
				+ " all calls weight %d%n", idPagingDays == 0 ? "all" : idPagingDays + " days", fillCount, fillWeight,
				notServedCount, orderWeight, client.stats().weight());
	}

	/**
	 * Full pages: the first 7-day window holds 1728 fills and is read whole by time; the rest
	 * follows by id when id-only paging may reach (auto, by-id), by time windows otherwise.
	 */
	@ParameterizedTest(name = "paging {0}, id-only paging reaches {1} days (0: all)")
	@CsvSource({ "BY_TIME, 0", "AUTO, 0", "AUTO, 7", "BY_ID, 0" })
	void moreThanAPageOfFillsInOneWindowArriveWholeAndOnce(PagingMode paging, int idPagingDays) {
		// given 2500 fills over ten days, one every 350 s, and the position they built
		TestAccount account = new TestAccount();
		Instant from = SimulatedBinance.START.minus(Duration.ofDays(11));
		Instant first = from.plus(Duration.ofHours(1));
		List<Fill> truth = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			truth.add(account.fill("BTCUSDT", 1_000 + i, first.plusSeconds(350L * i), Side.BUY, PositionSide.BOTH, "1"));
		}
		account.position("BTCUSDT", PositionSide.BOTH, "2500", first.plusSeconds(350L * 2500));
		exchange = SimulatedBinance.serving(account, options -> options.idPagingDays(idPagingDays));
		BinanceClient client = exchange.client(settings -> new BinanceSettings(settings.baseUrl(), settings.apiKey(),
				settings.apiSecret(), null, null, null, null, null, null, null, paging));
		Instant now = exchange.now();

		// when
		SymbolFills fills = client.fills(new SymbolRequest("BTCUSDT", from, now, now,
				Map.of(new StreamKey("BTCUSDT", PositionSide.BOTH), new BigDecimal("2500")), List.of()));

		// then
		assertThat(fills.fills()).containsExactlyElementsOf(truth);
		assertThat(fills.startPositions()).isEmpty();
		assertThat(fills.lookbackIncomplete()).isFalse();
		List<RequestLogEntry> trades = exchange.requests(Endpoint.USER_TRADES.path());
		assertThat(trades).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
		if (paging == PagingMode.BY_TIME) {
			assertThat(trades).as("no id-only request").noneMatch(entry -> entry.params().containsKey("fromId"));
		}
		else {
			assertThat(timeWindowsBeyondThePlans("BTCUSDT", from, truth)).as("by id after the first window").isEmpty();
			assertThat(trades).as("id-only pages").anyMatch(entry -> entry.params().containsKey("fromId"));
		}
		System.out.printf("2500 fills in ten days, paging %s, id-only reach %s: %d calls, weight %d%n", paging,
				idPagingDays == 0 ? "all" : idPagingDays + " days", fills.calls(), fills.weight());
	}

	private static Set<String> symbols() {
		return ACCOUNT.fills().stream().map(Fill::symbol).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Where the lifecycles open at {@code from} began, from the account itself: each stream's
	 * position at {@code from} (today's minus the fills since), walked back through its fills
	 * to the one that opened it from flat or flipped it; the earliest such start, or {@code from}
	 * when none is open.
	 */
	private static Instant earliestOpenAt(Instant from, List<Fill> fills, Map<StreamKey, BigDecimal> today) {
		Map<StreamKey, BigDecimal> position = new HashMap<>();
		fills.forEach(fill -> position.put(fill.stream(), today.getOrDefault(fill.stream(), BigDecimal.ZERO)));
		List<Fill> newestFirst = fills.stream().sorted(Fill.STREAM_ORDER.reversed()).toList();
		Instant earliest = from;
		for (Fill fill : newestFirst) {
			if (!fill.time().isBefore(from)) {
				position.merge(fill.stream(), fill.signedQty().negate(), BigDecimal::add);
			}
		}
		position.values().removeIf(amount -> amount.signum() == 0);
		for (Fill fill : newestFirst) {
			if (fill.time().isBefore(from) && position.containsKey(fill.stream())) {
				BigDecimal after = position.get(fill.stream());
				BigDecimal before = after.subtract(fill.signedQty());
				// the lifecycle began with this fill: it opened from flat, or flipped the position
				if (before.signum() != after.signum()) {
					position.remove(fill.stream());
					earliest = fill.time().isBefore(earliest) ? fill.time() : earliest;
				}
				else {
					position.put(fill.stream(), before);
				}
			}
		}
		assertThat(position).as("every lifecycle open at from starts within the account's history").isEmpty();
		return earliest;
	}

	private static List<Fill> between(List<Fill> fills, Instant start, Instant end) {
		return fills.stream().filter(fill -> !fill.time().isBefore(start) && fill.time().isBefore(end)).toList();
	}

	/** The income the job hands the plan: the symbol's records in the window. */
	private static List<IncomeRecord> windowIncome(String symbol, Instant from, Instant now) {
		return ACCOUNT.income().stream()
			.filter(record -> record.symbol().equals(symbol) && !record.time().isBefore(from)
					&& record.time().isBefore(now))
			.toList();
	}

	/**
	 * userTrades requests by time for the symbol beyond the plan's under full reach: the plan pages
	 * by time, 7 days a window from {@code from}, until a window holds a fill (reading that window
	 * whole), then by id; so no time window starts at or after the end of that first window.
	 */
	private List<RequestLogEntry> timeWindowsBeyondThePlans(String symbol, Instant from, List<Fill> sinceFrom) {
		if (sinceFrom.isEmpty()) {
			return List.of();
		}
		Instant first = sinceFrom.stream().map(Fill::time).min(Comparator.naturalOrder()).orElseThrow();
		long windows = Duration.between(from, first).toMillis() / TradePager.MAX_SPAN.toMillis() + 1;
		long planEnd = from.plus(TradePager.MAX_SPAN.multipliedBy(windows)).toEpochMilli();
		return exchange.requests(Endpoint.USER_TRADES.path()).stream()
			.filter(entry -> symbol.equals(entry.symbol()) && entry.params().containsKey("startTime")
					&& Long.parseLong(entry.params().get("startTime")) >= planEnd)
			.toList();
	}
}
