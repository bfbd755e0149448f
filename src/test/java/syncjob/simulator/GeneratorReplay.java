package syncjob.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import syncjob.lifecycle.Fill;
import syncjob.lifecycle.StreamKey;

/** Replays a generated account's fills per stream, for invariants the tests check from the outside. */
final class GeneratorReplay {

	private final Map<StreamKey, List<Fill>> streams = new TreeMap<>();

	GeneratorReplay(SimulatedAccount account) {
		for (Fill fill : account.fills()) {
			streams.computeIfAbsent(fill.stream(), key -> new ArrayList<>()).add(fill);
		}
		streams.values().forEach(fills -> fills.sort(Fill.STREAM_ORDER));
	}

	Map<StreamKey, List<Fill>> streams() {
		return streams;
	}

	/** Signed position of a stream after its fills at or before t. */
	BigDecimal positionAt(StreamKey stream, Instant t) {
		BigDecimal position = BigDecimal.ZERO;
		for (Fill fill : streams.getOrDefault(stream, List.of())) {
			if (fill.time().isAfter(t)) {
				break;
			}
			position = position.add(fill.signedQty());
		}
		return position;
	}

	/** Position of the stream before each of its fills, in stream order. */
	static List<BigDecimal> positionsBefore(List<Fill> fills) {
		List<BigDecimal> before = new ArrayList<>(fills.size());
		BigDecimal position = BigDecimal.ZERO;
		for (Fill fill : fills) {
			before.add(position);
			position = position.add(fill.signedQty());
		}
		return before;
	}

	/** True when the fill takes the position from one side of zero strictly to the other. */
	static boolean crossesZero(BigDecimal before, Fill fill) {
		BigDecimal after = before.add(fill.signedQty());
		return before.signum() != 0 && after.signum() != 0 && before.signum() != after.signum();
	}
}
