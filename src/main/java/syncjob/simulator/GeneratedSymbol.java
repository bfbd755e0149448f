package syncjob.simulator;

import java.math.BigDecimal;

/** One symbol of a generated account: its listing, price grid and trading mode. */
record GeneratedSymbol(SymbolSpec spec, int priceScale, int qtyScale, long startTicks, GeneratorMode mode) {

	String name() {
		return spec.symbol();
	}

	String quoteAsset() {
		return spec.quoteAsset();
	}

	BigDecimal price(long ticks) {
		return BigDecimal.valueOf(ticks, priceScale);
	}

	BigDecimal qty(long steps) {
		return BigDecimal.valueOf(steps, qtyScale);
	}
}
