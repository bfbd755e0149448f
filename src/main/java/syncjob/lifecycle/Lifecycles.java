package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Grouping of one symbol's fills into lifecycles, stream by stream. */
public final class Lifecycles {

	private Lifecycles() {
	}

	/**
	 * Routes each fill to stream {@code (symbol, fill.positionSide())} (also a fill whose own
	 * symbol differs, so that validation rejects its lifecycle), orders each stream by
	 * {@link Fill#STREAM_ORDER} and groups it. Identical fills given twice count once; two
	 * different fills with the same time and id in one stream are an IllegalArgumentException.
	 *
	 * @param startPositions signed position before the first supplied fill, per stream
	 *                       (absent means 0)
	 * @return closed and incomplete lifecycles ordered by exit time, open ones by entry time
	 *         (ties in stream order)
	 */
	public static GroupingResult group(String symbol, Collection<Fill> fills,
			Map<StreamKey, BigDecimal> startPositions) {
		return groupDistinct(symbol, fills.stream().distinct().toList(), startPositions);
	}

	/** {@link #group} of fills already free of duplicates, for a caller that removed them itself. */
	static GroupingResult groupDistinct(String symbol, List<Fill> fills, Map<StreamKey, BigDecimal> startPositions) {
		Map<StreamKey, List<Fill>> byStream = new TreeMap<>();
		fills.forEach(fill -> byStream
			.computeIfAbsent(new StreamKey(symbol, fill.positionSide()), k -> new ArrayList<>())
			.add(fill));
		List<Lifecycle> closed = new ArrayList<>();
		List<Lifecycle> open = new ArrayList<>();
		List<Lifecycle> incomplete = new ArrayList<>();
		byStream.forEach((stream, streamFills) -> {
			streamFills.sort(Fill.STREAM_ORDER);
			LifecycleGrouper grouper = new LifecycleGrouper(stream,
					startPositions.getOrDefault(stream, BigDecimal.ZERO));
			for (Fill fill : streamFills) {
				for (Lifecycle lifecycle : grouper.accept(fill)) {
					(lifecycle.complete() ? closed : incomplete).add(lifecycle);
				}
			}
			Optional<Lifecycle> stillOpen = grouper.openLifecycle();
			stillOpen.ifPresent(open::add);
		});
		closed.sort(Comparator.comparing(Lifecycle::exitTime));
		incomplete.sort(Comparator.comparing(Lifecycle::exitTime));
		open.sort(Comparator.comparing(Lifecycle::entryTime));
		return new GroupingResult(closed, open, incomplete);
	}
}
