package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import syncjob.lifecycle.Direction;

/** The contract's warnings for one closed lifecycle, in the contract's order; null when there are none. */
final class TruthWarnings {

	private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("0.001");

	private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");

	/** Funding is charged on the 8-hour grid: 00:00, 08:00 and 16:00 UTC. */
	private static final long FUNDING_INTERVAL_MS = 8 * 3_600_000L;

	private TruthWarnings() {
	}

	static String of(TruthLifecycle lifecycle, BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice,
			BigDecimal realizedPnl, String feeOther, TruthOrderTypes orders, Instant incomeServedFrom) {
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
		if (openAtFundingTimeBefore(lifecycle, incomeServedFrom)) {
			warnings.add("FUNDING_NOT_SERVED: funding before " + incomeServedFrom + " not served by Binance");
		}
		if (orders.includeOrders()) {
			TruthPart first = lifecycle.parts().get(0);
			TruthPart last = lifecycle.parts().get(lifecycle.parts().size() - 1);
			orderNotServed("entry", first, orders).ifPresent(warnings::add);
			orderNotServed("exit", last, orders).ifPresent(warnings::add);
		}
		return warnings.isEmpty() ? null : String.join("; ", warnings);
	}

	/**
	 * Open at a funding time t before the horizon, open meaning entry <= t < exit: the first
	 * grid time at or after the entry is the one to test, later ones only come later.
	 */
	private static boolean openAtFundingTimeBefore(TruthLifecycle lifecycle, Instant horizon) {
		long entry = lifecycle.entryTime().toEpochMilli();
		Instant firstFunding = Instant.ofEpochMilli(Math.floorDiv(entry + FUNDING_INTERVAL_MS - 1, FUNDING_INTERVAL_MS)
				* FUNDING_INTERVAL_MS);
		return firstFunding.isBefore(horizon) && firstFunding.isBefore(lifecycle.exitTime());
	}

	private static Optional<String> orderNotServed(String which, TruthPart part, TruthOrderTypes orders) {
		if (orders.served(part.fill()).isPresent()) {
			return Optional.empty();
		}
		return Optional.of("ORDER_NOT_SERVED: " + which + " order " + part.fill().orderId() + " (fill at "
				+ part.time() + ") not served by Binance");
	}

	private static String text(BigDecimal value) {
		return value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
	}
}
