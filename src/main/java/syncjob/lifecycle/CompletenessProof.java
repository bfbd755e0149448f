package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that could fail if a fill were missing from what was served, so that a wrong lifecycle
 * is never recorded. Deriving the position at {@code from} as today's position minus the fills
 * since proves nothing by itself (it balances by construction); these do not:
 * <ol>
 * <li>every REALIZED_PNL or COMMISSION income record names a fill that was served, with the same
 * realized PnL (a fill that pays a fee or realizes PnL cannot go missing unnoticed);</li>
 * <li>every closing part realizes what Binance's position accounting says it must: its quantity
 * times its price's distance from the position's average entry price, within the contract's money
 * tolerance (an opening fill missing from a lifecycle moves that average, even one with zero fee
 * and zero PnL, and the lifecycle the other fills then make is not the one that happened; with
 * every fill present the realized PnL of a lifecycle always equals its gross PnL, so a difference
 * beyond the tolerance is a missing fill, not a row to record with a warning);</li>
 * <li>a fill that only opens realizes nothing, and a hedge-mode stream never changes sign.</li>
 * </ol>
 */
final class CompletenessProof {

	private static final int AVERAGE_SCALE = 20;

	private CompletenessProof() {
	}

	/**
	 * @param fills the symbol's fills, commissions normalized, free of duplicates
	 * @param checkedFrom income from this time on is checked against the fills (every fill from
	 * here on was fetched, and Binance serves income from here on)
	 * @param now when the fills were read
	 */
	static List<FillGap> check(List<Fill> fills, GroupingResult grouping, TradeIncome income, Instant checkedFrom,
			Instant now) {
		List<FillGap> gaps = new ArrayList<>();
		incomeNamesServedFills(fills, income, checkedFrom, now, gaps);
		List<Lifecycle> all = new ArrayList<>(grouping.closed());
		all.addAll(grouping.open());
		all.addAll(grouping.incomplete());
		for (Lifecycle lifecycle : all) {
			positionsHold(lifecycle, now, gaps);
			if (lifecycle.complete()) {
				realizedPnlAgrees(lifecycle, now, gaps);
			}
		}
		gaps.sort(Comparator.comparing(FillGap::latest));
		return List.copyOf(gaps);
	}

	private static void incomeNamesServedFills(List<Fill> fills, TradeIncome income, Instant checkedFrom,
			Instant now, List<FillGap> gaps) {
		Map<Long, Fill> byId = new HashMap<>();
		fills.forEach((fill) -> byId.put(fill.id(), fill));
		for (TradeIncome.Entry entry : income.entries()) {
			if (entry.time().isBefore(checkedFrom) || !entry.time().isBefore(now)) {
				continue;
			}
			Fill fill = byId.get(entry.fillId());
			if (fill == null) {
				gaps.add(new FillGap(Optional.empty(), entry.time(), "fill " + entry.fillId() + " at " + entry.time()
						+ " has income but was not served by userTrades"));
				continue;
			}
			Optional<BigDecimal> pnl = entry.realizedPnl();
			if (pnl.isPresent() && pnl.get().compareTo(fill.realizedPnl()) != 0) {
				gaps.add(new FillGap(Optional.of(fill.positionSide()), fill.time(), "fill " + fill.id()
						+ " realized " + plain(fill.realizedPnl()) + " but its REALIZED_PNL income is "
						+ plain(pnl.get())));
			}
		}
	}

	/** An opening part of a fill that is not a flip realizes nothing; a hedge stream keeps its sign. */
	private static void positionsHold(Lifecycle lifecycle, Instant now, List<FillGap> gaps) {
		PositionSide side = lifecycle.stream().positionSide();
		int expectedSign = side == PositionSide.LONG ? 1 : side == PositionSide.SHORT ? -1 : 0;
		for (FillPart part : lifecycle.parts()) {
			Fill fill = part.fill();
			boolean flip = part.qty().compareTo(fill.qty()) != 0;
			if (part.opening() && !flip && fill.realizedPnl().signum() != 0) {
				gaps.add(new FillGap(Optional.of(side), now, "fill " + fill.id() + " at " + fill.time()
						+ " realized " + plain(fill.realizedPnl()) + " though the fills served make it an opening fill"));
				return;
			}
			int sign = part.positionAfter().signum();
			if (expectedSign != 0 && sign != 0 && sign != expectedSign) {
				gaps.add(new FillGap(Optional.of(side), now, "the fills served take the " + side + " position of "
						+ fill.symbol() + " to " + part.positionAfter().toPlainString() + " at fill " + fill.id()));
				return;
			}
		}
	}

	/** Each closing part realizes closeQty * (price - average entry), negated for a short. */
	private static void realizedPnlAgrees(Lifecycle lifecycle, Instant now, List<FillGap> gaps) {
		BigDecimal position = BigDecimal.ZERO;
		BigDecimal average = BigDecimal.ZERO;
		for (FillPart part : lifecycle.parts()) {
			BigDecimal price = part.fill().price();
			if (part.opening()) {
				BigDecimal grown = position.add(part.qty());
				average = position.multiply(average)
					.add(part.qty().multiply(price))
					.divide(grown, AVERAGE_SCALE, RoundingMode.HALF_EVEN);
				position = grown;
				continue;
			}
			BigDecimal perUnit = lifecycle.direction() == Direction.LONG ? price.subtract(average)
					: average.subtract(price);
			BigDecimal expected = part.qty().multiply(perUnit);
			if (!TradeValidator.withinTolerance(expected.subtract(part.realizedPnl()), expected)) {
				Instant latest = lifecycle.closed() ? lifecycle.exitTime() : now;
				gaps.add(new FillGap(Optional.of(lifecycle.stream().positionSide()), latest,
						"fill " + part.fill().id() + " at " + part.time() + " realized " + plain(part.realizedPnl())
								+ " where the fills served imply "
								+ plain(expected.setScale(8, RoundingMode.HALF_EVEN)) + " (average entry "
								+ plain(average.setScale(8, RoundingMode.HALF_EVEN)) + ")"));
				return;
			}
			position = position.subtract(part.qty());
		}
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
