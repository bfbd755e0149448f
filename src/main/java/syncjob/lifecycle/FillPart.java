package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One fill's contribution to a lifecycle. A fill is one part, except a flip in one-way mode,
 * which yields a closing part (ending the current lifecycle) and an opening part (starting the
 * next one).
 *
 * @param qty           absolute quantity of this part
 * @param realizedPnl   the fill's realizedPnl (a flip's opening part gets 0)
 * @param commission    this part's share of the fill's commission
 * @param opening       whether this part moves |position| away from 0
 * @param positionAfter signed stream position after this part
 */
public record FillPart(Fill fill, BigDecimal qty, BigDecimal realizedPnl, BigDecimal commission, boolean opening,
		BigDecimal positionAfter) {

	public FillPart {
		Objects.requireNonNull(fill, "fill");
		Objects.requireNonNull(qty, "qty");
		Objects.requireNonNull(realizedPnl, "realizedPnl");
		Objects.requireNonNull(commission, "commission");
		Objects.requireNonNull(positionAfter, "positionAfter");
	}

	public Instant time() {
		return fill.time();
	}

	/** Signed position before this part: the part moves the position in its fill's direction. */
	public BigDecimal positionBefore() {
		return positionAfter.subtract(qty.multiply(BigDecimal.valueOf(fill.signedQty().signum())));
	}
}
