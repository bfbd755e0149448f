package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;

import syncjob.lifecycle.Direction;
import syncjob.lifecycle.PositionSide;

/**
 * A row of {@code open_positions} a sync to {@code to} must write: a stream's lifecycle still
 * open at {@code to}, from its parts before {@code to}. When its first fill is older than the
 * trade retention ({@code complete} false), {@code openedAt} and {@code entryPrice} are null
 * and the sums and count cover the served parts only.
 *
 * @param quantity    absolute position at {@code to}
 * @param entryPrice  quantity-weighted mean of the opening parts, 12 dp half-even
 * @param fees        commissions in the quote asset
 * @param fundingFees the lifecycle's share of the funding before {@code to}, from the income horizon
 */
public record TruthOpenPosition(String symbol, PositionSide positionSide, Direction direction, Instant openedAt,
		BigDecimal quantity, BigDecimal entryPrice, BigDecimal realizedPnl, BigDecimal fees, BigDecimal fundingFees,
		int fillCount, boolean complete) {
}
