package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reconciliation of a window (SPEC section 7): what Binance reports as income against what
 * was fetched and accounted. A difference is within tolerance when
 * {@code |diff| <= max(0.001 * |income side|, 0.01)}; commission is compared per asset.
 */
public final class Reconciler {

	private Reconciler() {
	}

	/**
	 * @param windowIncome all income records of the window (all symbols, all types); symbols
	 *                     with REALIZED_PNL, COMMISSION, FUNDING_FEE or INSURANCE_CLEAR income but
	 *                     no figures get zero fill figures and their funding counted as unattributed
	 * @param figures      one per synced symbol (a symbol given twice is an error)
	 */
	public static ReconciliationReport reconcile(List<IncomeRecord> windowIncome, List<SymbolFigures> figures) {
		Map<String, SymbolFigures> bySymbol = new TreeMap<>();
		for (SymbolFigures f : figures) {
			if (bySymbol.put(f.symbol(), f) != null) {
				throw new IllegalArgumentException("figures of " + f.symbol() + " given twice");
			}
		}
		Map<String, List<IncomeRecord>> incomeBySymbol = new TreeMap<>();
		for (IncomeRecord record : windowIncome) {
			if (!record.symbol().isEmpty() && (record.is(IncomeType.REALIZED_PNL) || record.is(IncomeType.COMMISSION)
					|| record.is(IncomeType.FUNDING_FEE) || record.is(IncomeType.INSURANCE_CLEAR))) {
				incomeBySymbol.computeIfAbsent(record.symbol(), s -> new ArrayList<>()).add(record);
			}
		}
		Set<String> symbols = new TreeSet<>(bySymbol.keySet());
		symbols.addAll(incomeBySymbol.keySet());

		List<ReconciliationRow> rows = new ArrayList<>();
		Map<String, BigDecimal> totalOtherDiffs = new TreeMap<>();
		for (String symbol : symbols) {
			List<IncomeRecord> income = incomeBySymbol.getOrDefault(symbol, List.of());
			SymbolFigures f = bySymbol.get(symbol);
			rows.add(row(symbol, income, f, totalOtherDiffs));
		}
		return new ReconciliationReport(rows, total(rows, totalOtherDiffs));
	}

	private static ReconciliationRow row(String symbol, List<IncomeRecord> income, SymbolFigures f,
			Map<String, BigDecimal> totalOtherDiffs) {
		BigDecimal incomePnl = BigDecimal.ZERO;
		BigDecimal incomeFunding = BigDecimal.ZERO;
		BigDecimal insuranceClear = BigDecimal.ZERO;
		Map<String, BigDecimal> incomeCommission = new TreeMap<>();
		for (IncomeRecord record : income) {
			if (record.is(IncomeType.REALIZED_PNL)) {
				incomePnl = incomePnl.add(record.income());
			}
			else if (record.is(IncomeType.FUNDING_FEE)) {
				incomeFunding = incomeFunding.add(record.income());
			}
			else if (record.is(IncomeType.INSURANCE_CLEAR)) {
				insuranceClear = insuranceClear.add(record.income());
			}
			else {
				incomeCommission.merge(record.asset(), record.income().negate(), BigDecimal::add);
			}
		}
		// a symbol with income but no figures was not synced: no fills, its funding unattributed
		SymbolFigures figures = f != null ? f
				: new SymbolFigures(symbol, quoteAssetOf(income), BigDecimal.ZERO, Map.of(), BigDecimal.ZERO,
						BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, incomeFunding, incomeFunding, 0, 0, 0, 0);
		String quote = figures.quoteAsset();
		BigDecimal fillPnl = figures.fillRealizedPnl();
		Map<String, BigDecimal> fillCommission = figures.fillCommissionByAsset();
		BigDecimal fundingAccounted = figures.fundingAccounted();

		BigDecimal pnlDiff = incomePnl.subtract(fillPnl);
		BigDecimal fundingDiff = incomeFunding.subtract(fundingAccounted);
		// a lifecycle withheld for a missing fill is a difference, even where the sums agree (a fill
		// with neither fee nor PnL leaves no trace in income)
		boolean reconciled = TradeValidator.withinTolerance(pnlDiff, incomePnl)
				&& TradeValidator.withinTolerance(fundingDiff, incomeFunding) && figures.lifecyclesWithheld() == 0;

		BigDecimal incomeQuoteCommission = incomeCommission.getOrDefault(quote, BigDecimal.ZERO);
		BigDecimal fillQuoteCommission = fillCommission.getOrDefault(quote, BigDecimal.ZERO);
		BigDecimal commissionDiff = incomeQuoteCommission.subtract(fillQuoteCommission);
		reconciled &= TradeValidator.withinTolerance(commissionDiff, incomeQuoteCommission);
		Set<String> otherAssets = new TreeSet<>(incomeCommission.keySet());
		otherAssets.addAll(fillCommission.keySet());
		otherAssets.remove(quote);
		Map<String, BigDecimal> otherDiffs = new TreeMap<>();
		for (String asset : otherAssets) {
			BigDecimal incomeSide = incomeCommission.getOrDefault(asset, BigDecimal.ZERO);
			BigDecimal diff = incomeSide.subtract(fillCommission.getOrDefault(asset, BigDecimal.ZERO));
			reconciled &= TradeValidator.withinTolerance(diff, incomeSide);
			otherDiffs.put(asset, diff);
			totalOtherDiffs.merge(asset, diff, BigDecimal::add);
		}

		return new ReconciliationRow(symbol, incomePnl, fillPnl, pnlDiff, incomeQuoteCommission,
				fillQuoteCommission, commissionDiff, assetList(otherDiffs), incomeFunding, fundingAccounted,
				fundingDiff, figures.fundingUnattributed(), figures.pnlRecorded(), figures.pnlOpen(),
				figures.pnlRejected(), figures.pnlIncomplete(), figures.tradesRecorded(), figures.tradesRejected(),
				figures.lifecyclesOpen(), figures.lifecyclesIncomplete(), figures.pnlWithheld(),
				figures.lifecyclesWithheld(), figures.tradesFundingNotServed(), figures.tradesOrderNotServed(),
				insuranceClear, reconciled);
	}

	/**
	 * The quote asset of a symbol known only from income: the asset its REALIZED_PNL, FUNDING_FEE
	 * or INSURANCE_CLEAR income is paid in (margin is in the quote asset), else its first
	 * commission's.
	 */
	private static String quoteAssetOf(List<IncomeRecord> income) {
		return income.stream()
			.filter(r -> !r.is(IncomeType.COMMISSION))
			.findFirst()
			.or(() -> income.stream().findFirst())
			.map(IncomeRecord::asset)
			.orElse("");
	}

	private static ReconciliationRow total(List<ReconciliationRow> rows, Map<String, BigDecimal> otherDiffs) {
		BigDecimal[] sums = new BigDecimal[16];
		Arrays.fill(sums, BigDecimal.ZERO);
		int[] counts = new int[7];
		boolean reconciled = true;
		for (ReconciliationRow r : rows) {
			BigDecimal[] values = { r.incomeRealizedPnl(), r.fillRealizedPnl(), r.realizedPnlDiff(),
					r.incomeCommission(), r.fillCommission(), r.commissionDiff(), r.incomeFunding(),
					r.fundingAccounted(), r.fundingDiff(), r.fundingUnattributed(), r.pnlRecorded(), r.pnlOpen(),
					r.pnlRejected(), r.pnlIncomplete(), r.pnlWithheld(), r.incomeInsuranceClear() };
			for (int i = 0; i < sums.length; i++) {
				sums[i] = sums[i].add(values[i]);
			}
			counts[0] += r.tradesRecorded();
			counts[1] += r.tradesRejected();
			counts[2] += r.lifecyclesOpen();
			counts[3] += r.lifecyclesIncomplete();
			counts[4] += r.lifecyclesWithheld();
			counts[5] += r.tradesFundingNotServed();
			counts[6] += r.tradesOrderNotServed();
			reconciled &= r.reconciled();
		}
		return new ReconciliationRow(ReconciliationRow.TOTAL, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
				assetList(otherDiffs), sums[6], sums[7], sums[8], sums[9], sums[10], sums[11], sums[12], sums[13],
				counts[0], counts[1], counts[2], counts[3], sums[14], counts[4], counts[5], counts[6], sums[15],
				reconciled);
	}

	/** "ASSET:amount" for each non-zero amount, assets sorted, ", "-joined; null if none. */
	private static String assetList(Map<String, BigDecimal> amounts) {
		String text = amounts.entrySet()
			.stream()
			.filter(e -> e.getValue().signum() != 0)
			.map(e -> e.getKey() + ":" + e.getValue().stripTrailingZeros().toPlainString())
			.collect(Collectors.joining(", "));
		return text.isEmpty() ? null : text;
	}
}
