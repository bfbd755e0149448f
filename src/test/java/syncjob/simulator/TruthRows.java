package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import syncjob.lifecycle.TradeDetails;
import syncjob.lifecycle.TradeEntry;
import syncjob.lifecycle.ValidationStatus;

/**
 * Aggregates one closed lifecycle into its {@code trade_entries} row, column by column as the
 * contract states. Fees are the amounts paid (a maker rebate negative), as the account holds
 * them, whichever sign userTrades serves.
 */
final class TruthRows {

	private static final int MEAN_SCALE = 12;

	private TruthRows() {
	}

	static TradeEntry row(TruthLifecycle lifecycle, String account, String quoteAsset, BigDecimal fundingFees,
			TruthOrderTypes orderTypes, Instant incomeServedFrom, TruthKlines klines) {
		BigDecimal quantity = BigDecimal.ZERO;
		BigDecimal openNotional = BigDecimal.ZERO;
		BigDecimal closeQuantity = BigDecimal.ZERO;
		BigDecimal closeNotional = BigDecimal.ZERO;
		BigDecimal realizedPnl = BigDecimal.ZERO;
		BigDecimal fees = BigDecimal.ZERO;
		BigDecimal maxPosition = BigDecimal.ZERO;
		Map<String, BigDecimal> otherFees = new TreeMap<>();
		for (TruthPart part : lifecycle.parts()) {
			BigDecimal notional = part.qty().multiply(part.fill().price());
			if (part.opening()) {
				quantity = quantity.add(part.qty());
				openNotional = openNotional.add(notional);
			}
			else {
				closeQuantity = closeQuantity.add(part.qty());
				closeNotional = closeNotional.add(notional);
			}
			realizedPnl = realizedPnl.add(part.realizedPnl());
			String asset = part.fill().commissionAsset();
			if (asset.equals(quoteAsset)) {
				fees = fees.add(part.commission());
			}
			else {
				otherFees.merge(asset, part.commission(), BigDecimal::add);
			}
			maxPosition = maxPosition.max(part.positionAfter());
		}
		BigDecimal entryPrice = openNotional.divide(quantity, MEAN_SCALE, RoundingMode.HALF_EVEN);
		BigDecimal exitPrice = closeNotional.divide(closeQuantity, MEAN_SCALE, RoundingMode.HALF_EVEN);
		String feeOther = otherFees.isEmpty() ? null
				: otherFees.entrySet().stream()
					.map(fee -> fee.getKey() + ":" + fee.getValue().stripTrailingZeros().toPlainString())
					.collect(Collectors.joining(", "));
		BigDecimal netPnl = realizedPnl.subtract(fees).add(fundingFees);
		TruthPart first = lifecycle.parts().get(0);
		TruthPart last = lifecycle.parts().get(lifecycle.parts().size() - 1);
		String basic = TruthWarnings.of(lifecycle, quantity, entryPrice, exitPrice, realizedPnl, feeOther,
				orderTypes, incomeServedFrom);
		TradeDetails details = TruthDetails.of(lifecycle, quoteAsset, netPnl, entryPrice, orderTypes, klines);
		List<String> all = new ArrayList<>();
		if (basic != null) {
			all.add(basic);
		}
		// what was not served of the klines comes after the contract's other warnings
		all.addAll(details.warnings());
		String warnings = all.isEmpty() ? null : String.join("; ", all);
		return new TradeEntry(account, TradeEntry.SOURCE_BINANCE, lifecycle.tradeId(), lifecycle.stream().symbol(),
				lifecycle.direction(), lifecycle.stream().positionSide(), lifecycle.entryTime(), lifecycle.exitTime(),
				quantity, entryPrice, exitPrice, realizedPnl, fees, feeOther, fundingFees, netPnl,
				lifecycle.parts().size(), maxPosition, orderTypes.typeOf(first.fill()), orderTypes.typeOf(last.fill()),
				warnings == null ? ValidationStatus.VALID : ValidationStatus.WARNING, warnings, details);
	}
}
