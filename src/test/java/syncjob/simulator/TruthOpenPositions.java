package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import syncjob.lifecycle.IncomeRecord;

/** Section 3c literally: per stream, its lifecycle open at {@code to}, from its parts before {@code to}. */
final class TruthOpenPositions {

	private static final int MEAN_SCALE = 12;

	private TruthOpenPositions() {
	}

	static List<TruthOpenPosition> at(Instant to, List<TruthLifecycle> lifecycles, List<IncomeRecord> income,
			Instant incomeServedFrom, Instant tradeHorizon, Map<String, String> quoteAssets) {
		List<IncomeRecord> before = income.stream().filter(record -> record.time().isBefore(to)).toList();
		Map<String, BigDecimal> funding = TruthFunding.attribute(lifecycles, before, incomeServedFrom);
		List<TruthOpenPosition> open = new ArrayList<>();
		for (TruthLifecycle lifecycle : lifecycles) {
			boolean openAtTo = lifecycle.entryTime().isBefore(to)
					&& (!lifecycle.closed() || !lifecycle.exitTime().isBefore(to));
			if (!openAtTo) {
				continue;
			}
			boolean complete = !lifecycle.entryTime().isBefore(tradeHorizon);
			String quote = quoteAssets.get(lifecycle.stream().symbol());
			BigDecimal position = BigDecimal.ZERO;
			BigDecimal openedQty = BigDecimal.ZERO;
			BigDecimal openedNotional = BigDecimal.ZERO;
			BigDecimal realizedPnl = BigDecimal.ZERO;
			BigDecimal fees = BigDecimal.ZERO;
			int count = 0;
			for (TruthPart part : lifecycle.parts()) {
				if (!part.time().isBefore(to)) {
					break;
				}
				position = part.positionAfter();
				if (!complete && part.time().isBefore(tradeHorizon)) {
					continue;
				}
				if (part.opening()) {
					openedQty = openedQty.add(part.qty());
					openedNotional = openedNotional.add(part.qty().multiply(part.fill().price()));
				}
				realizedPnl = realizedPnl.add(part.realizedPnl());
				if (part.fill().commissionAsset().equals(quote)) {
					fees = fees.add(part.commission());
				}
				count++;
			}
			open.add(new TruthOpenPosition(lifecycle.stream().symbol(), lifecycle.stream().positionSide(),
					lifecycle.direction(), complete ? lifecycle.entryTime() : null, position,
					complete ? openedNotional.divide(openedQty, MEAN_SCALE, RoundingMode.HALF_EVEN) : null,
					realizedPnl, fees, funding.getOrDefault(lifecycle.tradeId(), BigDecimal.ZERO), count, complete));
		}
		open.sort(Comparator.comparing(TruthOpenPosition::symbol).thenComparing(TruthOpenPosition::positionSide));
		return open;
	}
}
