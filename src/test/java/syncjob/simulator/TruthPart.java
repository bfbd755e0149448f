package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;

import syncjob.lifecycle.Fill;

/**
 * A fill, or one side of a flip fill, as it belongs to one lifecycle. {@code positionAfter}
 * is the absolute position of the stream once this part is applied.
 */
record TruthPart(Fill fill, BigDecimal qty, boolean opening, BigDecimal realizedPnl, BigDecimal commission,
		BigDecimal positionAfter) {

	Instant time() {
		return fill.time();
	}
}
