package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole domain pipeline of one symbol: group, attribute funding, aggregate, validate,
 * and sum the window's figures for reconciliation.
 *
 * <p>Lifecycles that closed before {@code from} (seen only because the lookback fetched extra
 * fills) belong to an earlier sync: they are neither trades nor rejected nor reported.
 */
public final class SymbolPipeline {

	private SymbolPipeline() {
	}

	public static SymbolOutcome process(SymbolInput input) {
		List<Fill> fills = input.fills().stream().distinct().toList();
		GroupingResult grouping = Lifecycles.groupDistinct(input.symbol(), fills, input.startPositions());
		List<IncomeRecord> funding = input.funding()
			.stream()
			.filter(record -> record.is(IncomeType.FUNDING_FEE))
			.toList();
		List<Lifecycle> all = new ArrayList<>(grouping.closed());
		all.addAll(grouping.incomplete());
		all.addAll(grouping.open());
		FundingResult attribution = FundingAttribution.attribute(funding, all);

		List<TradeEntry> trades = new ArrayList<>();
		List<RejectedTrade> rejected = new ArrayList<>();
		BigDecimal pnlRecorded = BigDecimal.ZERO;
		BigDecimal pnlRejected = BigDecimal.ZERO;
		for (Lifecycle lifecycle : grouping.closed()) {
			if (!inWindow(lifecycle.exitTime(), input)) {
				continue;
			}
			TradeEntry entry = TradeAggregator.aggregate(input.account(), lifecycle, input.quoteAsset(),
					attribution.byTradeId().get(lifecycle.tradeId()), input.ordersById());
			ValidatedTrade validated = TradeValidator.validate(lifecycle, entry);
			if (validated.rejected()) {
				rejected.add(new RejectedTrade(validated.entry(), validated.errors()));
				pnlRejected = pnlRejected.add(windowPnl(lifecycle, input));
			}
			else {
				trades.add(validated.entry());
				pnlRecorded = pnlRecorded.add(windowPnl(lifecycle, input));
			}
		}
		List<Lifecycle> incomplete = grouping.incomplete()
			.stream()
			.filter(lifecycle -> inWindow(lifecycle.exitTime(), input))
			.toList();
		BigDecimal pnlIncomplete = windowPnl(incomplete, input);
		BigDecimal pnlOpen = windowPnl(grouping.open(), input);

		BigDecimal fillRealizedPnl = BigDecimal.ZERO;
		Map<String, BigDecimal> commissionByAsset = new TreeMap<>();
		for (Fill fill : fills) {
			if (inWindow(fill.time(), input)) {
				fillRealizedPnl = fillRealizedPnl.add(fill.realizedPnl());
				commissionByAsset.merge(fill.commissionAsset(), fill.commission(), BigDecimal::add);
			}
		}
		// Every record is either shared out exactly or unattributed, so the window's records are
		// accounted in full; the attribution above already says which were unattributed.
		BigDecimal fundingAccounted = windowIncome(funding, input);
		BigDecimal fundingUnattributed = windowIncome(attribution.unattributed(), input);
		SymbolFigures figures = new SymbolFigures(input.symbol(), input.quoteAsset(), fillRealizedPnl,
				commissionByAsset, pnlRecorded, pnlOpen, pnlRejected, pnlIncomplete, fundingAccounted,
				fundingUnattributed, trades.size(), rejected.size(), grouping.open().size(), incomplete.size());
		return new SymbolOutcome(input.symbol(), trades, rejected, grouping.open(), incomplete, figures);
	}

	private static boolean inWindow(Instant t, SymbolInput input) {
		return !t.isBefore(input.from()) && t.isBefore(input.to());
	}

	private static BigDecimal windowPnl(List<Lifecycle> lifecycles, SymbolInput input) {
		BigDecimal total = BigDecimal.ZERO;
		for (Lifecycle lifecycle : lifecycles) {
			total = total.add(windowPnl(lifecycle, input));
		}
		return total;
	}

	private static BigDecimal windowIncome(List<IncomeRecord> records, SymbolInput input) {
		BigDecimal total = BigDecimal.ZERO;
		for (IncomeRecord record : records) {
			if (inWindow(record.time(), input)) {
				total = total.add(record.income());
			}
		}
		return total;
	}

	/** realizedPnl of the lifecycle's parts whose fill time is in the window. */
	private static BigDecimal windowPnl(Lifecycle lifecycle, SymbolInput input) {
		BigDecimal sum = BigDecimal.ZERO;
		for (FillPart part : lifecycle.parts()) {
			if (inWindow(part.time(), input)) {
				sum = sum.add(part.realizedPnl());
			}
		}
		return sum;
	}
}
