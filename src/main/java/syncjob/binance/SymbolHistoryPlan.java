package syncjob.binance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.Order;
import syncjob.lifecycle.StreamKey;

/**
 * Fetches one symbol's history for a window: every fill from {@code from} to now (the position
 * at {@code from} is today's position minus them), the lookback to the start of each lifecycle
 * open at {@code from}, the funding before {@code from} of those lifecycles, and the orders the
 * fills reference.
 */
final class SymbolHistoryPlan {

	private final TradePager trades;

	private final IncomeFetcher income;

	private final OrderFetcher orders;

	private final int tradeRetentionDays;

	SymbolHistoryPlan(TradePager trades, IncomeFetcher income, OrderFetcher orders, int tradeRetentionDays) {
		this.trades = trades;
		this.income = income;
		this.orders = orders;
		this.tradeRetentionDays = tradeRetentionDays;
	}

	SymbolHistory fetch(SymbolRequest request) {
		Tally tally = new Tally();
		String symbol = request.symbol();
		Instant retentionBound = request.now().minus(Duration.ofDays(tradeRetentionDays));
		Optional<IncomeRecord> seed = firstTradeIncome(request);
		Optional<TradePager.WindowStart> weekBefore = Optional.empty();
		if (firstFillClosesAPosition(request, seed) && request.from().isAfter(retentionBound)) {
			weekBefore = Optional.of(trades.windowStart(symbol,
					later(request.from().minus(TradePager.MAX_SPAN), retentionBound), request.from(), tally));
		}
		List<Fill> sinceFrom = weekBefore.filter((week) -> week.complete() && week.firstId() >= 0)
			// ids ascend with time: the first fill at or after from follows the last one before it
			.map((week) -> distinctById(trades.fromIdUntil(symbol, week.maxId() + 1, request.now(), tally),
					request.from(), Instant.MAX))
			.orElseGet(() -> fillsSince(request, seed, tally));
		Map<StreamKey, BigDecimal> atFrom = positionsAtFrom(request, sinceFrom);
		Lookback lookback = new Lookback(atFrom);
		List<Fill> fetchedBack = new ArrayList<>();
		for (Instant end = request.from(); lookback.searching() && end.isAfter(retentionBound);) {
			Instant start = later(end.minus(TradePager.MAX_SPAN), retentionBound);
			// the week before from may already have its first page
			Optional<TradePager.WindowStart> first = end.equals(request.from()) ? weekBefore : Optional.empty();
			List<Fill> window = first.isPresent() ? trades.all(symbol, first.get(), start, end, tally)
					: trades.all(symbol, start, end, tally);
			fetchedBack.addAll(window);
			lookback.walkBack(window);
			end = start;
		}
		List<Fill> before = lookbackFills(lookback, fetchedBack, request.from());
		List<Fill> fills = new ArrayList<>(before);
		sinceFrom.stream().filter(fill -> fill.time().isBefore(request.to())).forEach(fills::add);
		fills.sort(Fill.STREAM_ORDER);
		List<IncomeRecord> funding = fundingBeforeFrom(request, lookback, tally);
		Map<Long, Order> ordersById = request.includeOrders() ? orders.referencedBy(symbol, fills, tally) : Map.of();
		return new SymbolHistory(symbol, fills, startPositions(atFrom, before), funding, ordersById,
				lookback.searching(), tally.calls(), tally.weight());
	}

	/**
	 * The fills before {@code from} that the lifecycles need: every stream's fills since the
	 * earliest start of a lifecycle open at {@code from} (or since the retention bound when a
	 * start is out of reach). Other streams count too: in hedge mode, funding paid while a
	 * lifecycle was open is shared with the other side's lifecycles open then, even those that
	 * closed before {@code from}.
	 */
	private static List<Fill> lookbackFills(Lookback lookback, List<Fill> fetchedBack, Instant from) {
		if (fetchedBack.isEmpty()) {
			return List.of();
		}
		Instant cutoff = lookback.searching() ? Instant.MIN : lookback.earliestStart().orElse(from);
		return distinctById(fetchedBack, cutoff, from);
	}

	/** Each stream's position before the first returned fill: its position at from minus the fills before from. */
	private static Map<StreamKey, BigDecimal> startPositions(Map<StreamKey, BigDecimal> atFrom, List<Fill> before) {
		Map<StreamKey, BigDecimal> positions = new HashMap<>(atFrom);
		for (Fill fill : before) {
			positions.merge(fill.stream(), fill.signedQty().negate(), BigDecimal::add);
		}
		positions.values().removeIf(amount -> amount.signum() == 0);
		return Map.copyOf(positions);
	}

	/**
	 * Every fill with time >= from (to now). The first one is found provably: 7-day windows from
	 * {@code from} up to the smallest trade id the window's income names (or up to now), then
	 * {@code fromId} paging from there until a short page.
	 */
	private List<Fill> fillsSince(SymbolRequest request, Optional<IncomeRecord> seed, Tally tally) {
		String symbol = request.symbol();
		Instant end = seed.map(record -> record.time().plusMillis(1)).orElse(request.now());
		for (Instant start = request.from(); start.isBefore(end);) {
			Instant stop = earlier(start.plus(TradePager.MAX_SPAN), end);
			TradePager.WindowStart window = trades.windowStart(symbol, start, stop, tally);
			if (window.firstId() >= 0) {
				if (window.complete() && seed.isEmpty() && !stop.isBefore(request.now())) {
					return window.page();
				}
				List<Fill> fills = new ArrayList<>();
				if (window.contiguous()) {
					fills.addAll(window.page());
				}
				fills.addAll(trades.fromIdUntil(symbol, window.nextId(), request.now(), tally));
				return distinctById(fills, request.from(), Instant.MAX);
			}
			start = stop;
		}
		if (seed.isEmpty()) {
			return List.of();
		}
		long seedId = Long.parseLong(seed.get().tradeId());
		return distinctById(trades.fromIdUntil(symbol, seedId, request.now(), tally), request.from(), Instant.MAX);
	}

	/**
	 * The symbol's first fill in the window (as far as income tells: the smallest trade id it
	 * names) realized PnL, so it reduced a position held at {@code from}. The lookback will then
	 * need the week before {@code from}, and fetching it first also tells where the fills since
	 * {@code from} begin, saving the call that would otherwise find that out. A guess, never a
	 * proof: when it is wrong, the week costs one call and the result is the same.
	 */
	private static boolean firstFillClosesAPosition(SymbolRequest request, Optional<IncomeRecord> seed) {
		return seed.map(IncomeRecord::tradeId)
			.filter((tradeId) -> request.windowIncome()
				.stream()
				.anyMatch((record) -> record.symbol().equals(request.symbol()) && record.is(IncomeType.REALIZED_PNL)
						&& record.tradeId().equals(tradeId)))
			.isPresent();
	}

	/** The window's income record with the smallest trade id: no fill at or after from has a smaller id and a later time. */
	private static Optional<IncomeRecord> firstTradeIncome(SymbolRequest request) {
		return request.windowIncome()
			.stream()
			.filter(record -> record.symbol().equals(request.symbol()) && isTradeId(record.tradeId()))
			.min(Comparator.comparingLong(record -> Long.parseLong(record.tradeId())));
	}

	private static boolean isTradeId(String text) {
		if (text.isEmpty() || text.length() > 18) {
			return false;
		}
		return text.chars().allMatch(Character::isDigit);
	}

	private static Map<StreamKey, BigDecimal> positionsAtFrom(SymbolRequest request, List<Fill> sinceFrom) {
		Map<StreamKey, BigDecimal> positions = new HashMap<>();
		request.currentPositions().forEach((stream, amount) -> {
			if (stream.symbol().equals(request.symbol())) {
				positions.put(stream, amount);
			}
		});
		for (Fill fill : sinceFrom) {
			if (fill.time().isBefore(request.now())) {
				positions.merge(fill.stream(), fill.signedQty().negate(), BigDecimal::add);
			}
		}
		return positions;
	}

	/** An open lifecycle's funding counts from its start; one whose start is beyond retention, as far back as income goes. */
	private List<IncomeRecord> fundingBeforeFrom(SymbolRequest request, Lookback lookback, Tally tally) {
		if (!lookback.openAtFrom()) {
			return List.of();
		}
		Instant incomeBound = request.now().minus(BinanceClient.INCOME_RETENTION);
		Instant start = lookback.searching() ? incomeBound : later(lookback.earliestStart().orElseThrow(), incomeBound);
		if (!start.isBefore(request.from())) {
			return List.of();
		}
		return income.fetch(request.symbol(), IncomeType.FUNDING_FEE, start, request.from(), tally);
	}

	/** One fill per id (windows and pages may overlap), of those with time in {@code [from, until)}. */
	private static List<Fill> distinctById(List<Fill> fills, Instant from, Instant until) {
		Map<Long, Fill> byId = new LinkedHashMap<>();
		for (Fill fill : fills) {
			if (!fill.time().isBefore(from) && fill.time().isBefore(until)) {
				byId.putIfAbsent(fill.id(), fill);
			}
		}
		return List.copyOf(byId.values());
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
