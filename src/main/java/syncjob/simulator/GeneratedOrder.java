package syncjob.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/**
 * An order under construction. Exchange ids are given only once the whole symbol is
 * generated (they must increase with time across streams), hence the mutable id;
 * {@code seq} is the generation order, the tie-break for equal times. Prices are in ticks,
 * 0 when the order type has none.
 */
final class GeneratedOrder {

	final long seq;

	final String type;

	final Side side;

	final PositionSide positionSide;

	final List<GeneratedFill> fills = new ArrayList<>(3);

	long timeMs;

	long updateTimeMs;

	long origSteps;

	long executedSteps;

	String status;

	long orderId;

	long limitTicks;

	long stopTicks;

	long activateTicks;

	/** Trailing callback rate in percent, TRAILING_STOP_MARKET only. */
	BigDecimal priceRate;

	String timeInForce = GeneratorOrderTypes.GTC;

	long goodTillMs;

	boolean reduceOnly;

	/** Null for the trader's own orders ({@code sim-<orderId>}); the exchange's own closes carry theirs. */
	String clientOrderId;

	GeneratedOrder(long seq, String type, Side side, PositionSide positionSide) {
		this.seq = seq;
		this.type = type;
		this.side = side;
		this.positionSide = positionSide;
	}
}
