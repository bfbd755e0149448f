package syncjob.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.IncomeRecord;
import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.StreamKey;

/**
 * Fetches one symbol's fills for a window: every fill from {@code from} to now (the position at
 * {@code from} is today's position minus them), the lookback to the start of each lifecycle open
 * at {@code from}, and the symbol's income before {@code from} over that lookback.
 *
 * <p>Fills since {@code from} are paged by time windows until a fill is held, then by id from it
 * when id-only paging may reach that far back (see {@link PagingMode}). Each id-only page is
 * requested from a fill already held and must begin with it; one that does not proves the reach
 * shorter, and the stretch it skipped is fetched by time windows instead.
 */
final class FillPlan {

	private final TradePager trades;

	private final IncomeFetcher income;

	private final PagingMode mode;

	private final IdPagingReach reach;

	private final Clock serverClock;

	private final Duration tradeRetention;

	FillPlan(TradePager trades, IncomeFetcher income, PagingMode mode, IdPagingReach reach, Clock serverClock,
			Duration tradeRetention) {
		this.trades = trades;
		this.income = income;
		this.mode = mode;
		this.reach = reach;
		this.serverClock = serverClock;
		this.tradeRetention = tradeRetention;
	}

	SymbolFills fetch(SymbolRequest request) {
		Run run = new Run(request);
		Instant retentionBound = request.now().minus(this.tradeRetention);
		List<Fill> weekBefore = List.of();
		boolean weekBeforeFetched = false;
		Instant weekStart = later(request.from().minus(TradePager.MAX_SPAN), retentionBound);
		Optional<Fill> known = Optional.empty();
		if (this.mode.mayPageById(this.reach, Duration.between(request.from(), request.now()))
				&& firstFillClosesAPosition(request) && request.from().isAfter(retentionBound)) {
			// the lookback will need this week anyway, and its last fill is where paging by id starts
			weekBefore = this.trades.windowAll(request.symbol(), weekStart, request.from(), run.tally);
			weekBeforeFetched = true;
			known = weekBefore.stream().max(TradePager.BY_ID);
		}
		List<Fill> sinceFrom = run.since(known);
		Map<StreamKey, BigDecimal> atFrom = positionsAtFrom(request, sinceFrom);
		Lookback lookback = new Lookback(atFrom);
		List<Fill> fetchedBack = new ArrayList<>();
		Instant coveredFrom = request.from();
		for (Instant end = request.from(); lookback.searching() && end.isAfter(retentionBound);) {
			Instant start = later(end.minus(TradePager.MAX_SPAN), retentionBound);
			// the week before, fetched already, even when it held nothing (a position opened earlier)
			boolean reuse = end.equals(request.from()) && weekBeforeFetched && start.equals(weekStart);
			List<Fill> window = reuse ? weekBefore : this.trades.windowAll(request.symbol(), start, end, run.tally);
			Optional<Instant> horizon = this.trades.servedFrom().horizon();
			fetchedBack.addAll(window);
			lookback.walkBack(window);
			coveredFrom = start;
			if (horizon.isPresent() && !horizon.get().isBefore(end)) {
				// nothing older is served: the window before was refused whole
				break;
			}
			end = start;
		}
		List<Fill> before = lookbackFills(lookback, fetchedBack, request.from());
		List<Fill> fills = new ArrayList<>(before);
		fills.addAll(sinceFrom);
		fills.sort(Fill.STREAM_ORDER);
		List<IncomeRecord> incomeBefore = incomeBeforeFrom(request, lookback, coveredFrom, run.tally);
		Instant complete = lookback.searching() ? coveredFrom
				: earlier(request.from(), lookback.earliestStart().orElse(request.from()));
		return new SymbolFills(request.symbol(), fills, startPositions(atFrom, before), incomeBefore, complete,
				lookback.searching(), run.notes, run.tally.calls(), run.tally.weight());
	}

	/** The fills of one symbol since {@code from}, and what it cost. */
	private final class Run {

		private final SymbolRequest request;

		private final PlanCost tally = new PlanCost();

		private final List<String> notes = new ArrayList<>();

		private final Map<Long, Fill> byId = new TreeMap<>();

		Run(SymbolRequest request) {
			this.request = request;
		}

		/** Every fill with from <= time < now; {@code known} is a fill before from to page by id from. */
		List<Fill> since(Optional<Fill> known) {
			Instant cursor = this.request.from();
			Optional<Fill> held = known;
			while (true) {
				if (held.isPresent() && mayPageById(held.get())) {
					byId(held.get());
					break;
				}
				if (!cursor.isBefore(this.request.now())) {
					break;
				}
				Instant end = earlier(cursor.plus(TradePager.MAX_SPAN), this.request.now());
				List<Fill> window = FillPlan.this.trades.windowAll(this.request.symbol(), cursor, end, this.tally);
				window.forEach((fill) -> this.byId.putIfAbsent(fill.id(), fill));
				if (!window.isEmpty()) {
					held = Optional.of(window.get(window.size() - 1));
				}
				cursor = end;
			}
			List<Fill> since = new ArrayList<>();
			for (Fill fill : this.byId.values()) {
				if (!fill.time().isBefore(this.request.from()) && fill.time().isBefore(this.request.now())) {
					since.add(fill);
				}
			}
			return since;
		}

		private boolean mayPageById(Fill fill) {
			return FillPlan.this.mode.mayPageById(FillPlan.this.reach, age(fill));
		}

		/** Id-only pages from {@code start} until a short page or one reaching now; time windows where they miss. */
		private void byId(Fill start) {
			Fill from = start;
			while (true) {
				TradePager.IdPage page = FillPlan.this.trades.fromKnown(this.request.symbol(), from, this.tally);
				if (page.beginsWithKnown()) {
					FillPlan.this.reach.reached(age(from), FillPlan.this.serverClock.instant(),
							"fill " + from.id() + " of " + this.request.symbol() + " at " + from.time());
				}
				else {
					missed(from, page);
				}
				page.fills().forEach((fill) -> this.byId.putIfAbsent(fill.id(), fill));
				if (page.fills().isEmpty() || !page.full() || !page.last().time().isBefore(this.request.now())) {
					return;
				}
				from = page.last();
			}
		}

		/** The page skipped {@code from}: the reach is shorter; fetch by time what lies between. */
		private void missed(Fill from, TradePager.IdPage page) {
			Instant now = FillPlan.this.serverClock.instant();
			String what = "a page from fill " + from.id() + " of " + this.request.symbol() + " at " + from.time()
					+ (page.fills().isEmpty() ? " came back empty" : " began with fill " + page.fills().get(0).id());
			FillPlan.this.reach.missed(age(from), now, what);
			if (FillPlan.this.mode == PagingMode.BY_ID) {
				throw new BinanceResponseException(Endpoint.USER_TRADES.describe(this.request.symbol())
						+ ": id-only paging does not reach back " + Duration.between(from.time(), now).toDays()
						+ " days (" + what + "); set binance.paging=auto or by-time", 200, null, null);
			}
			Instant until = page.fills().isEmpty() ? this.request.now() : page.fills().get(0).time().plusMillis(1);
			if (!page.fills().isEmpty()) {
				Fill first = page.fills().get(0);
				FillPlan.this.reach.reached(age(first), now, "fill " + first.id() + " of " + this.request.symbol()
						+ " at " + first.time() + " was served to an id-only request");
			}
			this.notes.add("id-only paging did not reach fill " + from.id() + " at " + from.time()
					+ "; fetched by time windows up to " + until);
			for (Instant start = from.time(); start.isBefore(until);) {
				Instant end = earlier(start.plus(TradePager.MAX_SPAN), until);
				FillPlan.this.trades.windowAll(this.request.symbol(), start, end, this.tally)
					.forEach((fill) -> this.byId.putIfAbsent(fill.id(), fill));
				start = end;
			}
		}

		private Duration age(Fill fill) {
			return Duration.between(fill.time(), this.request.now());
		}

	}

	/**
	 * The fills before {@code from} that the lifecycles need: every stream's fills since the
	 * earliest start of a lifecycle open at {@code from} (or since the lookback's reach when a
	 * start was not found). Other streams count too: in hedge mode, funding paid while a
	 * lifecycle was open is shared with the other side's lifecycles open then.
	 */
	private static List<Fill> lookbackFills(Lookback lookback, List<Fill> fetchedBack, Instant from) {
		if (fetchedBack.isEmpty()) {
			return List.of();
		}
		Instant cutoff = lookback.searching() ? Instant.MIN : lookback.earliestStart().orElse(from);
		Map<Long, Fill> byId = new TreeMap<>();
		for (Fill fill : fetchedBack) {
			if (!fill.time().isBefore(cutoff) && fill.time().isBefore(from)) {
				byId.putIfAbsent(fill.id(), fill);
			}
		}
		return List.copyOf(byId.values());
	}

	/** Each stream's position before the first returned fill: its position at from minus the fills before from. */
	private static Map<StreamKey, BigDecimal> startPositions(Map<StreamKey, BigDecimal> atFrom, List<Fill> before) {
		Map<StreamKey, BigDecimal> positions = new HashMap<>(atFrom);
		for (Fill fill : before) {
			positions.merge(fill.stream(), fill.signedQty().negate(), BigDecimal::add);
		}
		positions.values().removeIf((amount) -> amount.signum() == 0);
		return Map.copyOf(positions);
	}

	private static Map<StreamKey, BigDecimal> positionsAtFrom(SymbolRequest request, List<Fill> sinceFrom) {
		Map<StreamKey, BigDecimal> positions = new HashMap<>();
		request.currentPositions().forEach((stream, amount) -> {
			if (stream.symbol().equals(request.symbol())) {
				positions.put(stream, amount);
			}
		});
		for (Fill fill : sinceFrom) {
			positions.merge(fill.stream(), fill.signedQty().negate(), BigDecimal::add);
		}
		return positions;
	}

	/**
	 * The symbol's income (every type) from where the lookback starts to {@code from}: the funding
	 * of lifecycles open at {@code from}, and the trade income that proves their fills complete.
	 * Asked from the lifecycle's start, not from a guessed horizon: Binance answers with what it keeps.
	 */
	private List<IncomeRecord> incomeBeforeFrom(SymbolRequest request, Lookback lookback, Instant coveredFrom,
			PlanCost tally) {
		if (!lookback.openAtFrom()) {
			return List.of();
		}
		Instant start = lookback.searching() ? coveredFrom : lookback.earliestStart().orElseThrow();
		if (!start.isBefore(request.from())) {
			return List.of();
		}
		return this.income.fetch(request.symbol(), null, start, request.from(), tally);
	}

	/**
	 * The symbol's first fill in the window (as far as income tells: the smallest trade id it
	 * names) realized PnL, so it reduced a position held at {@code from}. A guess, never a proof:
	 * when it is wrong, the week before costs one call and the result is the same.
	 */
	private static boolean firstFillClosesAPosition(SymbolRequest request) {
		return request.windowIncome()
			.stream()
			.filter((record) -> record.symbol().equals(request.symbol()) && isTradeId(record.tradeId()))
			.min(Comparator.comparingLong((IncomeRecord record) -> Long.parseLong(record.tradeId())))
			.filter((first) -> request.windowIncome()
				.stream()
				.anyMatch((record) -> record.symbol().equals(request.symbol()) && record.is(IncomeType.REALIZED_PNL)
						&& record.tradeId().equals(first.tradeId())))
			.isPresent();
	}

	static boolean isTradeId(String text) {
		return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
