package syncjob.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.StreamKey;

/**
 * Walks fills backwards from {@code from} for every stream whose position there is not zero:
 * the position before a fill is the position after it minus its signed quantity, and the
 * lifecycle started with the fill before which the position was zero or of the opposite sign.
 */
final class Lookback {

	private final Map<StreamKey, BigDecimal> open = new HashMap<>();

	private final boolean openAtFrom;

	private Instant earliestStart;

	Lookback(Map<StreamKey, BigDecimal> positionsAtFrom) {
		positionsAtFrom.forEach((stream, position) -> {
			if (position.signum() != 0) {
				open.put(stream, position);
			}
		});
		openAtFrom = !open.isEmpty();
	}

	/** Feeds the fills of the next window back in time; fills of streams already resolved are ignored. */
	void walkBack(List<Fill> windowFills) {
		List<Fill> descending = new ArrayList<>(windowFills);
		descending.sort(Fill.STREAM_ORDER.reversed());
		for (Fill fill : descending) {
			BigDecimal after = open.get(fill.stream());
			if (after == null) {
				continue;
			}
			BigDecimal before = after.subtract(fill.signedQty());
			if (before.signum() == after.signum()) {
				open.put(fill.stream(), before);
				continue;
			}
			open.remove(fill.stream());
			if (earliestStart == null || fill.time().isBefore(earliestStart)) {
				earliestStart = fill.time();
			}
		}
	}

	/** Some stream's lifecycle start has not been reached yet. */
	boolean searching() {
		return !open.isEmpty();
	}

	boolean openAtFrom() {
		return openAtFrom;
	}

	/** The earliest lifecycle start found. */
	Optional<Instant> earliestStart() {
		return Optional.ofNullable(earliestStart);
	}
}
