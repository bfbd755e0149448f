package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import syncjob.lifecycle.Direction;

/** The contract's warnings for one lifecycle, in the contract's order; null when there are none. */
final class TruthWarnings {

	private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("0.001");

	private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");

	private TruthWarnings() {
	}

	static String of(TruthLifecycle lifecycle, BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice,
			BigDecimal realizedPnl, String feeOther) {
		List<String> warnings = new ArrayList<>();
		BigDecimal gross = exitPrice.subtract(entryPrice).multiply(quantity);
		BigDecimal recomputed = lifecycle.direction() == Direction.LONG ? gross : gross.negate();
		BigDecimal tolerance = recomputed.abs().multiply(RELATIVE_TOLERANCE).max(ABSOLUTE_TOLERANCE);
		if (recomputed.subtract(realizedPnl).abs().compareTo(tolerance) > 0) {
			warnings.add("PNL_MISMATCH: recomputed gross PnL " + text(recomputed) + " vs realized " + text(realizedPnl));
		}
		List<Long> zeroCommissionCloses = lifecycle.parts().stream()
			.filter(part -> !part.opening() && part.commission().signum() == 0)
			.map(part -> part.fill().id())
			.sorted()
			.toList();
		if (!zeroCommissionCloses.isEmpty()) {
			warnings.add("ZERO_COMMISSION_CLOSE: fills "
					+ zeroCommissionCloses.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		if (feeOther != null) {
			warnings.add("NON_QUOTE_FEE: " + feeOther);
		}
		return warnings.isEmpty() ? null : String.join("; ", warnings);
	}

	private static String text(BigDecimal value) {
		return value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
	}
}
