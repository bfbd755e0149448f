package syncjob.simulator;

import java.util.Random;

/**
 * Closes the exchange makes itself, when enabled ({@link GeneratorConfig#autoCloses}): a
 * liquidation (an order of type {@code LIQUIDATION}, or now and then a {@code MARKET} one,
 * client order id {@code autoclose-<time>}), auto-deleveraging ({@code adl_autoclose}) and a
 * settlement ({@code settlement_autoclose-<time>}). Draws come from a stream of their own, so
 * that switching them on changes only the closes they take over, and off changes nothing.
 */
final class GeneratorAutoCloses {

	static final GeneratorAutoCloses NONE = new GeneratorAutoCloses(null);

	/** Per full close, in percent: liquidations, then ADL, then settlements. */
	private static final int LIQUIDATION_PERCENT = 14;

	private static final int ADL_PERCENT = 7;

	private static final int SETTLEMENT_PERCENT = 4;

	private final Random random;

	private GeneratorAutoCloses(Random random) {
		this.random = random;
	}

	static GeneratorAutoCloses drawingFrom(Random random) {
		return new GeneratorAutoCloses(random);
	}

	/** The exchange's close of a whole position at {@code atMs}, or null when the trader closes it. */
	AutoClose draw(long atMs) {
		if (random == null) {
			return null;
		}
		int draw = random.nextInt(100);
		if (draw < LIQUIDATION_PERCENT) {
			String type = random.nextInt(4) == 0 ? GeneratorOrderTypes.MARKET : GeneratorOrderTypes.LIQUIDATION;
			return new AutoClose(type, "autoclose-" + atMs, true);
		}
		if (draw < LIQUIDATION_PERCENT + ADL_PERCENT) {
			return new AutoClose(GeneratorOrderTypes.MARKET, "adl_autoclose", false);
		}
		if (draw < LIQUIDATION_PERCENT + ADL_PERCENT + SETTLEMENT_PERCENT) {
			return new AutoClose(GeneratorOrderTypes.MARKET, "settlement_autoclose-" + atMs, false);
		}
		return null;
	}

	/**
	 * @param liquidation whether the insurance fund takes a clearance fee (INSURANCE_CLEAR)
	 */
	record AutoClose(String type, String clientOrderId, boolean liquidation) {
	}
}
