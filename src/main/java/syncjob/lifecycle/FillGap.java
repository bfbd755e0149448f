package syncjob.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * Evidence that a fill is missing from what Binance served. Positions are derived backwards from
 * today's, so they are exact after the missing fill and wrong before it: every lifecycle of the
 * affected streams that began at or before {@code latest} (the latest time the missing fill can
 * have) is unprovable and is withheld, never recorded with made-up numbers.
 *
 * @param side the affected stream's position side; empty when the evidence names no side (every
 * stream of the symbol is affected)
 * @param latest the latest time the missing fill can have
 * @param reason what was observed, for the report
 */
public record FillGap(Optional<PositionSide> side, Instant latest, String reason) {

	/** Whether this gap makes the lifecycle unprovable. */
	boolean affects(Lifecycle lifecycle) {
		boolean stream = this.side.isEmpty() || this.side.get() == lifecycle.stream().positionSide();
		return stream && !lifecycle.entryTime().isAfter(this.latest);
	}

}
