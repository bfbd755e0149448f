package syncjob.simulator;

import java.util.Random;

import syncjob.lifecycle.Side;

/**
 * The order types a generated account uses and what each implies: which rest before they
 * execute, which carry a limit price or a trigger, and on which side of the market a trigger
 * sits. Shares are those of a discretionary trader: mostly limit and market orders, some
 * stop-losses, take-profits and trailing stops.
 */
final class GeneratorOrderTypes {

	static final String LIMIT = "LIMIT";

	static final String MARKET = "MARKET";

	static final String STOP = "STOP";

	static final String STOP_MARKET = "STOP_MARKET";

	static final String TAKE_PROFIT = "TAKE_PROFIT";

	static final String TAKE_PROFIT_MARKET = "TAKE_PROFIT_MARKET";

	static final String TRAILING_STOP_MARKET = "TRAILING_STOP_MARKET";

	/** The exchange's own order closing a liquidated position ({@link GeneratorAutoCloses}). */
	static final String LIQUIDATION = "LIQUIDATION";

	static final String GTC = "GTC";

	static final String GTX = "GTX";

	static final String GTD = "GTD";

	private GeneratorOrderTypes() {
	}

	/** One draw of {@code nextInt(100)}: LIMIT below 45 (the maker share), then the taker types. */
	static String draw(Random random) {
		int draw = random.nextInt(100);
		if (draw < 45) {
			return LIMIT;
		}
		if (draw < 82) {
			return MARKET;
		}
		if (draw < 88) {
			return STOP_MARKET;
		}
		if (draw < 92) {
			return TAKE_PROFIT_MARKET;
		}
		if (draw < 95) {
			return STOP;
		}
		if (draw < 97) {
			return TAKE_PROFIT;
		}
		return TRAILING_STOP_MARKET;
	}

	/** A limit order after its trigger: its fills are bounded by its price. */
	static boolean triggeredLimit(String type) {
		return type.equals(STOP) || type.equals(TAKE_PROFIT);
	}

	/** Waits for a trigger price. */
	static boolean conditional(String type) {
		return !type.equals(LIMIT) && !type.equals(MARKET) && !type.equals(LIQUIDATION);
	}

	/**
	 * Whether the trigger fires when the price rises to it: a BUY stop (breakout, or a short's
	 * stop-loss) and a SELL take-profit; otherwise it fires when the price falls to it.
	 */
	static boolean triggersOnRise(String type, Side side) {
		boolean stop = type.equals(STOP) || type.equals(STOP_MARKET);
		return stop == (side == Side.BUY);
	}
}
