package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole domain pipeline of one symbol: settle what each fill paid, group, prove the fills
 * complete, attribute funding, aggregate, validate, and sum the window's figures for
 * reconciliation.
 *
 * <p>Lifecycles that closed before {@code from} (seen only because the lookback fetched extra
 * fills) belong to an earlier sync, and those closing at or after {@code to} to a later one: they
 * are neither trades nor rejected nor reported.
 */
public final class SymbolPipeline {

	private SymbolPipeline() {
	}

	public static SymbolOutcome process(SymbolInput input) {
		TradeIncome tradeIncome = TradeIncome.of(input.symbol(), input.income());
		List<Fill> fills = Commissions.normalize(input.fills().stream().distinct().toList(), tradeIncome).fills();
		GroupingResult grouping = Lifecycles.groupDistinct(input.symbol(), fills, input.startPositions());
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
			List<String> notServed = NotServedWarnings.of(lifecycle, input.served());
			ValidatedTrade validated = TradeValidator.validate(lifecycle, entry, notServed);
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
		List<Lifecycle> openAtTo = openAt(input.to(), all);

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
		return new SymbolOutcome(input.symbol(), trades, rejected, openAtTo, incomplete, withheld, gaps, figures);
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
		return needed;
	}

	/** The lifecycles open at {@code to}: begun before it and not closed before it, with their parts before it. */
	private static List<Lifecycle> openAt(Instant to, List<Lifecycle> lifecycles) {
		List<Lifecycle> open = new ArrayList<>();
		for (Lifecycle lifecycle : lifecycles) {
			if (!lifecycle.entryTime().isBefore(to) || lifecycle.closed() && lifecycle.exitTime().isBefore(to)) {
				continue;
			}
			List<FillPart> before = lifecycle.parts().stream().filter(part -> part.time().isBefore(to)).toList();
			open.add(before.size() == lifecycle.parts().size() ? lifecycle
					: new Lifecycle(lifecycle.stream(), lifecycle.direction(), before, lifecycle.complete()));
		}
		return open;
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
