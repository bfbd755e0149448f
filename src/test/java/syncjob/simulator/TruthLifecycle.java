package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import syncjob.lifecycle.Direction;
import syncjob.lifecycle.StreamKey;
import syncjob.lifecycle.TradeEntry;

/** One position lifecycle of a stream; {@code closed} is false for a position still open after the last fill. */
record TruthLifecycle(StreamKey stream, Direction direction, List<TruthPart> parts, boolean closed) {

	TruthLifecycle {
		parts = List.copyOf(parts);
	}

	String tradeId() {
		return TradeEntry.tradeId(stream.symbol(), direction, parts.get(0).fill().id());
	}

	Instant entryTime() {
		return parts.get(0).time();
	}

	/** Time of the closing part; null while open. */
	Instant exitTime() {
		return closed ? parts.get(parts.size() - 1).time() : null;
	}

	/** Open at t: {@code entryTime <= t < exitTime}, a still-open lifecycle having no exit. */
	boolean openAt(Instant t) {
		return !entryTime().isAfter(t) && (!closed || exitTime().isAfter(t));
	}

	/** Absolute position after the parts at or before t (zero before the first). */
	BigDecimal positionAt(Instant t) {
		BigDecimal position = BigDecimal.ZERO;
		for (TruthPart part : parts) {
			if (part.time().isAfter(t)) {
				break;
			}
			position = part.positionAfter();
		}
		return position;
	}
}
