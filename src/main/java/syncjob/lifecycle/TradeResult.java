package syncjob.lifecycle;

import java.math.BigDecimal;

/** {@code result}: the sign of a trade's net PnL. */
public enum TradeResult {
	WIN, LOSS, BREAKEVEN;

	public static TradeResult of(BigDecimal netPnl) {
		return switch (netPnl.signum()) {
			case 1 -> WIN;
			case -1 -> LOSS;
			default -> BREAKEVEN;
		};
	}
}
