package syncjob.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import syncjob.lifecycle.Direction;
import syncjob.lifecycle.Fill;
import syncjob.lifecycle.StreamKey;

/**
 * Cuts each stream's fills into lifecycles, literally as the contract states: ordered by
 * (time, id), a lifecycle starts when the position leaves 0 and ends when it is exactly 0
 * again; a fill crossing zero is split into a closing part of |position before| (all of
 * the fill's realizedPnl, commission pro rata at 12 dp half-even) and an opening part with
 * the remainder. The crossing split is applied whatever the position side, so a malformed
 * hedge-mode crossing still yields balanced lifecycles; generated data has none.
 */
final class TruthLifecycles {

	private static final int SHARE_SCALE = 12;

	private TruthLifecycles() {
	}

	/** All lifecycles of the account, closed and still open, grouped by stream in stream order. */
	static List<TruthLifecycle> of(List<Fill> fills) {
		Map<StreamKey, List<Fill>> byStream = new TreeMap<>();
		for (Fill fill : fills) {
			byStream.computeIfAbsent(fill.stream(), key -> new ArrayList<>()).add(fill);
		}
		List<TruthLifecycle> lifecycles = new ArrayList<>();
		byStream.forEach((stream, streamFills) -> lifecycles.addAll(ofStream(stream, streamFills)));
		return lifecycles;
	}

	private static List<TruthLifecycle> ofStream(StreamKey stream, List<Fill> fills) {
		List<Fill> ordered = new ArrayList<>(fills);
		ordered.sort(Fill.STREAM_ORDER);
		List<TruthLifecycle> lifecycles = new ArrayList<>();
		List<TruthPart> parts = new ArrayList<>();
		Direction direction = null;
		BigDecimal position = BigDecimal.ZERO;
		for (Fill fill : ordered) {
			BigDecimal signed = fill.signedQty();
			if (signed.signum() == 0) {
				continue;
			}
			BigDecimal after = position.add(signed);
			if (position.signum() == 0) {
				direction = signed.signum() > 0 ? Direction.LONG : Direction.SHORT;
				parts.add(new TruthPart(fill, fill.qty(), true, fill.realizedPnl(), fill.commission(), after.abs()));
			}
			else if (after.signum() != 0 && after.signum() != position.signum()) {
				BigDecimal closeQty = position.abs();
				BigDecimal closeCommission = fill.commission().multiply(closeQty).divide(fill.qty(), SHARE_SCALE,
						RoundingMode.HALF_EVEN);
				parts.add(new TruthPart(fill, closeQty, false, fill.realizedPnl(), closeCommission, BigDecimal.ZERO));
				lifecycles.add(new TruthLifecycle(stream, direction, parts, true));
				parts = new ArrayList<>();
				direction = after.signum() > 0 ? Direction.LONG : Direction.SHORT;
				parts.add(new TruthPart(fill, after.abs(), true, BigDecimal.ZERO,
						fill.commission().subtract(closeCommission), after.abs()));
			}
			else {
				boolean opening = after.abs().compareTo(position.abs()) > 0;
				parts.add(new TruthPart(fill, fill.qty(), opening, fill.realizedPnl(), fill.commission(), after.abs()));
				if (after.signum() == 0) {
					lifecycles.add(new TruthLifecycle(stream, direction, parts, true));
					parts = new ArrayList<>();
				}
			}
			position = after;
		}
		if (!parts.isEmpty()) {
			lifecycles.add(new TruthLifecycle(stream, direction, parts, false));
		}
		return lifecycles;
	}
}
