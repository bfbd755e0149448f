package syncjob.simulator;

import java.math.BigDecimal;

/**
 * A base asset the generator can list, with a plausible price level. Tick and step sizes
 * are powers of ten, so prices and quantities are integers of ticks and steps at a scale.
 */
record GeneratorAsset(String base, BigDecimal startPrice, int qtyScale) {

	int priceScale() {
		return startPrice.scale();
	}

	long startTicks() {
		return startPrice.unscaledValue().longValueExact();
	}
}
