package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole domain pipeline of one symbol: settle what each fill paid, group, prove the fills
 * complete, attribute funding, aggregate with the detail columns, validate, take the open
 * positions at {@code to}, and sum the window's figures for reconciliation.
 *
 * <p>Lifecycles that closed before {@code from} (seen only because the lookback fetched extra
 * fills) belong to an earlier sync, and those closing at or after {@code to} to a later one: they
 * are neither trades nor rejected nor reported.
 */
public final class SymbolPipeline {

	private SymbolPipeline() {
	}

	public static SymbolOutcome process(SymbolInput input) {
		return process(input, SymbolGrouping.of(input));
	}

	/**
	 * {@link #process(SymbolInput)} with the input's fills already settled and grouped (by the
	 * caller that asked for the window's {@link #needs} with them).
	 *
	 * @throws IllegalArgumentException when {@code grouped} is not of the input's fills, start
	 *                                  positions and income
	 */
	public static SymbolOutcome process(SymbolInput input, SymbolGrouping grouped) {
		if (!grouped.isOf(input)) {
			throw new IllegalArgumentException("the grouping of other fills or income than " + input.symbol() + "'s");
		}
		TradeIncome tradeIncome = TradeIncome.of(input.symbol(), input.income());
		List<Fill> fills = grouped.settled();
		GroupingResult grouping = grouped.grouping();
		Instant incomeFrom = input.served().incomeServedFrom().orElse(Instant.MIN);
		List<FillGap> gaps = CompletenessProof.check(fills, grouping, tradeIncome,
				later(input.fillsCompleteFrom(), incomeFrom), input.now());
		List<IncomeRecord> funding = input.income()
			.stream()
			.filter(record -> record.is(IncomeType.FUNDING_FEE))
			.toList();
		List<Lifecycle> all = new ArrayList<>(grouping.closed());
		all.addAll(grouping.incomplete());
		all.addAll(grouping.open());
		FundingResult attribution = FundingAttribution.attribute(funding, all);
		// what is reconciled: the window, from the income horizon on
		Span span = new Span(earlier(later(input.from(), incomeFrom), input.to()), input.to());

		List<TradeEntry> trades = new ArrayList<>();
		List<RejectedTrade> rejected = new ArrayList<>();
		List<Lifecycle> withheld = new ArrayList<>();
		BigDecimal pnlRecorded = BigDecimal.ZERO;
		BigDecimal pnlRejected = BigDecimal.ZERO;
		BigDecimal pnlWithheld = BigDecimal.ZERO;
		int fundingNotServed = 0;
		int orderNotServed = 0;
		for (Lifecycle lifecycle : grouping.closed()) {
			if (!inWindow(lifecycle.exitTime(), input)) {
				continue;
			}
			if (gaps.stream().anyMatch(gap -> gap.affects(lifecycle))) {
				withheld.add(lifecycle);
				pnlWithheld = pnlWithheld.add(span.pnl(lifecycle));
				continue;
			}
			TradeEntry entry = TradeAggregator.aggregate(input.account(), lifecycle, input.quoteAsset(),
					attribution.byTradeId().get(lifecycle.tradeId()), input.served().ordersById());
			TradeDetails details = details(lifecycle, entry, input);
			// the contract's order: its own warnings, funding and orders not served, then fee prices and klines
			List<String> notServed = new ArrayList<>(NotServedWarnings.of(lifecycle, input.served()));
			notServed.addAll(details.warnings());
			ValidatedTrade validated = TradeValidator.validate(lifecycle, entry.withDetails(details), notServed);
			if (validated.rejected()) {
				rejected.add(new RejectedTrade(validated.entry(), validated.errors()));
				pnlRejected = pnlRejected.add(span.pnl(lifecycle));
				continue;
			}
			trades.add(validated.entry());
			pnlRecorded = pnlRecorded.add(span.pnl(lifecycle));
			fundingNotServed += notServed.stream().anyMatch(w -> w.startsWith(NotServedWarnings.FUNDING_NOT_SERVED))
					? 1 : 0;
			orderNotServed += notServed.stream().anyMatch(w -> w.startsWith(NotServedWarnings.ORDER_NOT_SERVED)) ? 1
					: 0;
		}
		List<Lifecycle> incomplete = grouping.incomplete()
			.stream()
			.filter(lifecycle -> inWindow(lifecycle.exitTime(), input))
			.toList();
		List<Lifecycle> beforeTo = before(input.to(), all);
		List<Lifecycle> openAtTo = beforeTo.stream().filter(lifecycle -> !lifecycle.closed()).toList();
		List<OpenPosition> openPositions = OpenPositions.at(input.to(), beforeTo, input.income(),
				input.quoteAsset());

		BigDecimal fillRealizedPnl = BigDecimal.ZERO;
		Map<String, BigDecimal> commissionByAsset = new TreeMap<>();
		for (Fill fill : fills) {
			if (span.contains(fill.time())) {
				fillRealizedPnl = fillRealizedPnl.add(fill.realizedPnl());
				commissionByAsset.merge(fill.commissionAsset(), fill.commission(), BigDecimal::add);
			}
		}
		// Every record is either shared out exactly or unattributed, so the span's records are
		// accounted in full; the attribution above already says which were unattributed.
		BigDecimal fundingAccounted = span.income(funding);
		BigDecimal fundingUnattributed = span.income(attribution.unattributed());
		SymbolFigures figures = new SymbolFigures(input.symbol(), input.quoteAsset(), fillRealizedPnl,
				commissionByAsset, pnlRecorded, span.pnl(openAtTo), pnlRejected, span.pnl(incomplete),
				fundingAccounted, fundingUnattributed, trades.size(), rejected.size(), openAtTo.size(),
				incomplete.size(), pnlWithheld, withheld.size(), fundingNotServed, orderNotServed,
				gaps.stream().map(FillGap::reason).toList());
		return new SymbolOutcome(input.symbol(), trades, rejected, openAtTo, incomplete, withheld, gaps, figures,
				openPositions);
	}

	/**
	 * What the rows of a window need from Binance beside the fills, from one grouping of the
	 * fills with their commissions settled as {@link #process} settles them: the orders of
	 * {@link #neededOrders}, and for every lifecycle closing in [from, to) its candle range
	 * ({@link TradeDetails#candlesNeeded}) and the 1-minute closes its other-asset commissions
	 * are valued at ({@link TradeDetails#klinesNeeded}).
	 *
	 * @param income the symbol's trade income (the COMMISSION records settle each fill's sign)
	 */
	public static SymbolNeeds needs(String symbol, String quoteAsset, List<Fill> fills,
			Map<StreamKey, BigDecimal> startPositions, List<IncomeRecord> income, Instant from, Instant to) {
		return needs(SymbolGrouping.of(symbol, fills, startPositions, income), quoteAsset, from, to);
	}

	/** {@link #needs(String, String, List, Map, List, Instant, Instant) needs} from fills already settled and grouped. */
	public static SymbolNeeds needs(SymbolGrouping grouped, String quoteAsset, Instant from, Instant to) {
		GroupingResult grouping = grouped.grouping();
		Map<Long, Instant> orders = new TreeMap<>();
		Set<CandleRange> ranges = new LinkedHashSet<>();
		SortedSet<PriceMinute> minutes = new TreeSet<>();
		for (Lifecycle lifecycle : grouping.closed()) {
			if (lifecycle.exitTime().isBefore(from) || !lifecycle.exitTime().isBefore(to)) {
				continue;
			}
			addOrders(lifecycle, orders);
			ranges.add(TradeDetails.candlesNeeded(lifecycle));
			minutes.addAll(TradeDetails.klinesNeeded(lifecycle, quoteAsset));
		}
		return new SymbolNeeds(orders, List.copyOf(ranges), minutes);
	}

	/**
	 * The orders the rows of a window need, each with the earliest time one of its fills was
	 * seen: for every lifecycle closing in [from, to), the order of its first opening part (the
	 * entry order type) and of every closing part (the exit order type, how the trade ended).
	 */
	public static Map<Long, Instant> neededOrders(String symbol, List<Fill> fills,
			Map<StreamKey, BigDecimal> startPositions, Instant from, Instant to) {
		GroupingResult grouping = Lifecycles.group(symbol, fills, startPositions);
		Map<Long, Instant> needed = new TreeMap<>();
		for (Lifecycle lifecycle : grouping.closed()) {
			if (lifecycle.exitTime().isBefore(from) || !lifecycle.exitTime().isBefore(to)) {
				continue;
			}
			addOrders(lifecycle, needed);
		}
		return needed;
	}

	/** The order of the lifecycle's first opening part and of every closing part, with their earliest fill time. */
	private static void addOrders(Lifecycle lifecycle, Map<Long, Instant> needed) {
		boolean entrySeen = false;
		for (FillPart part : lifecycle.parts()) {
			if (part.opening()) {
				if (entrySeen) {
					continue;
				}
				entrySeen = true;
			}
			needed.merge(part.fill().orderId(), part.time(), (a, b) -> a.isBefore(b) ? a : b);
		}
	}

	private static TradeDetails details(Lifecycle lifecycle, TradeEntry entry, SymbolInput input) {
		ServedKlines klines = input.klines();
		return TradeDetails.of(lifecycle, entry, input.quoteAsset(), input.served().ordersById(),
				input.served().ordersFetched(), klines.feePrices(), klines.candles()
					.map(source -> source.candlesOf(TradeDetails.candlesNeeded(lifecycle))));
	}

	/**
	 * Every lifecycle begun before {@code to}, with its parts before it: one closed before
	 * {@code to} as it is, one still open then (closed or not later) cut at {@code to}.
	 */
	private static List<Lifecycle> before(Instant to, List<Lifecycle> lifecycles) {
		List<Lifecycle> before = new ArrayList<>();
		for (Lifecycle lifecycle : lifecycles) {
			if (!lifecycle.entryTime().isBefore(to)) {
				continue;
			}
			if (lifecycle.closed() && lifecycle.exitTime().isBefore(to)) {
				before.add(lifecycle);
				continue;
			}
			List<FillPart> parts = lifecycle.parts().stream().filter(part -> part.time().isBefore(to)).toList();
			before.add(parts.size() == lifecycle.parts().size() ? lifecycle
					: new Lifecycle(lifecycle.stream(), lifecycle.direction(), parts, lifecycle.complete()));
		}
		return before;
	}

	private static boolean inWindow(Instant t, SymbolInput input) {
		return !t.isBefore(input.from()) && t.isBefore(input.to());
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** The reconciled span [from, to). */
	private record Span(Instant from, Instant to) {

		boolean contains(Instant t) {
			return !t.isBefore(this.from) && t.isBefore(this.to);
		}

		BigDecimal pnl(List<Lifecycle> lifecycles) {
			BigDecimal total = BigDecimal.ZERO;
			for (Lifecycle lifecycle : lifecycles) {
				total = total.add(pnl(lifecycle));
			}
			return total;
		}

		/** realizedPnl of the lifecycle's parts whose fill time is in the span. */
		BigDecimal pnl(Lifecycle lifecycle) {
			BigDecimal sum = BigDecimal.ZERO;
			for (FillPart part : lifecycle.parts()) {
				if (contains(part.time())) {
					sum = sum.add(part.realizedPnl());
				}
			}
			return sum;
		}

		BigDecimal income(List<IncomeRecord> records) {
			BigDecimal total = BigDecimal.ZERO;
			for (IncomeRecord record : records) {
				if (contains(record.time())) {
					total = total.add(record.income());
				}
			}
			return total;
		}

	}

}
