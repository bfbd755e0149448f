package syncjob.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A position lifecycle of one stream: from the part that moves the position away from 0 to
 * the part that brings it back to exactly 0 (or, while open, its parts so far).
 *
 * @param complete false when the lifecycle started before the supplied fills (the stream's
 *                 position before its first part was not 0), so its entry is unknown
 */
public record Lifecycle(StreamKey stream, Direction direction, List<FillPart> parts, boolean complete) {

	public Lifecycle {
		Objects.requireNonNull(stream, "stream");
		Objects.requireNonNull(direction, "direction");
		parts = List.copyOf(parts);
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("a lifecycle has at least one part");
		}
	}

	/** Time of the first part. */
	public Instant entryTime() {
		return parts.get(0).time();
	}

	/** Time of the last part. */
	public Instant exitTime() {
		return parts.get(parts.size() - 1).time();
	}

	/** Whether the last part left the position at exactly 0. */
	public boolean closed() {
		return parts.get(parts.size() - 1).positionAfter().signum() == 0;
	}

	public String tradeId() {
		return TradeEntry.tradeId(stream.symbol(), direction, parts.get(0).fill().id());
	}

	/**
	 * |position| after this lifecycle's parts with time <= t. Before its first part this is
	 * the position the lifecycle started from: 0 for a complete lifecycle, the position before
	 * the supplied fills for an incomplete one.
	 */
	public BigDecimal absPositionAt(Instant t) {
		BigDecimal position = parts.get(0).positionBefore();
		for (FillPart part : parts) {
			if (part.time().isAfter(t)) {
				break;
			}
			position = part.positionAfter();
		}
		return position.abs();
	}
}
