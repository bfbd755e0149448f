package syncjob.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Streamed grouping of one stream's fills into lifecycles (SPEC section 3). Holds only the
 * open lifecycle in memory. Fills must arrive in {@link Fill#STREAM_ORDER}, strictly.
 *
 * <p>In one-way mode ({@code BOTH}) a fill crossing zero is split into a closing part of
 * |position before| and an opening part with the remainder; in hedge streams it is applied
 * whole (validation then rejects its lifecycle). When the start position is not 0, the first
 * lifecycle is incomplete and keeps the direction of the start position.
 */
public final class LifecycleGrouper {

	private final StreamKey stream;

	private BigDecimal position;

	private List<FillPart> parts = new ArrayList<>();

	private Direction direction;

	private boolean complete;

	private Fill last;

	public LifecycleGrouper(StreamKey stream, BigDecimal startPosition) {
		this.stream = Objects.requireNonNull(stream, "stream");
		this.position = Objects.requireNonNull(startPosition, "startPosition");
	}

	/** Applies one fill; returns the lifecycle it closed, if any (at most one). */
	public List<Lifecycle> accept(Fill fill) {
		Objects.requireNonNull(fill, "fill");
		if (last != null && Fill.STREAM_ORDER.compare(last, fill) >= 0) {
			throw new IllegalArgumentException("fill " + fill.id() + " at " + fill.time() + " of stream " + stream
					+ " does not come after fill " + last.id() + " at " + last.time() + " (order is time, then id)");
		}
		last = fill;
		BigDecimal before = position;
		BigDecimal signed = fill.signedQty();
		BigDecimal after = before.add(signed);
		boolean flip = stream.positionSide() == PositionSide.BOTH && before.signum() != 0 && after.signum() != 0
				&& before.signum() != after.signum();
		if (!flip) {
			FillPart part = new FillPart(fill, signed.abs(), fill.realizedPnl(), fill.commission(),
					after.abs().compareTo(before.abs()) > 0, after);
			return add(part, before);
		}
		BigDecimal qty = signed.abs();
		BigDecimal closeQty = before.abs();
		BigDecimal closeCommission = fill.commission().multiply(closeQty).divide(qty, 12, RoundingMode.HALF_EVEN);
		FillPart closing = new FillPart(fill, closeQty, fill.realizedPnl(), closeCommission, false,
				before.subtract(before));
		List<Lifecycle> closed = add(closing, before);
		FillPart opening = new FillPart(fill, qty.subtract(closeQty), BigDecimal.ZERO,
				fill.commission().subtract(closeCommission), true, after);
		add(opening, closing.positionAfter());
		return closed;
	}

	private List<Lifecycle> add(FillPart part, BigDecimal before) {
		if (parts.isEmpty()) {
			complete = before.signum() == 0;
			BigDecimal defining = complete ? part.positionAfter() : before;
			direction = defining.signum() > 0 ? Direction.LONG : Direction.SHORT;
		}
		parts.add(part);
		position = part.positionAfter();
		if (position.signum() != 0) {
			return List.of();
		}
		Lifecycle closed = new Lifecycle(stream, direction, parts, complete);
		parts = new ArrayList<>();
		return List.of(closed);
	}

	/** The lifecycle still open after the fills so far, if it has any part. */
	public Optional<Lifecycle> openLifecycle() {
		return parts.isEmpty() ? Optional.empty() : Optional.of(new Lifecycle(stream, direction, parts, complete));
	}
}
